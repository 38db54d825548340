from odoo import api, fields, models


class TdktPersonMixin(models.AbstractModel):
    """The person a line names: an employee of the agency, whose name and
    job title are printed as HR keeps them, or a member agency's person,
    typed as the agency sends them (no employee)."""

    _name = "tdkt.person.mixin"
    _description = "Person Named on a Line"

    employee_id = fields.Many2one("hr.employee", index=True)
    user_id = fields.Many2one(
        related="employee_id.user_id", string="User", store=True, index=True
    )
    person_name = fields.Char(
        string="Person",
        compute="_compute_person_name",
        store=True,
        readonly=False,
        precompute=True,
        help="Full name as printed: the employee's, or as the member agency sends it.",
    )
    job_title = fields.Char(
        compute="_compute_job_title", store=True, readonly=False, precompute=True
    )

    @api.depends("employee_id")
    def _compute_person_name(self):
        for record in self:
            if record.employee_id:
                # sudo: a colleague's name is printed on the form and the
                # lists; Staff may not read HR records.
                record.person_name = record.employee_id.sudo().name
            elif not record.person_name:
                record.person_name = False

    @api.depends("employee_id")
    def _compute_job_title(self):
        for record in self:
            if record.employee_id:
                # sudo: a colleague's job title is printed on the form and
                # the lists; Staff may not read HR records.
                record.job_title = record.employee_id.sudo().job_title or False
            elif not record.job_title:
                record.job_title = False
