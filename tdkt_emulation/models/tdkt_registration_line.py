from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TdktRegistrationLine(models.Model):
    """One person registered for one title in a unit's registration.

    A person may hold several titles in a year where the law allows it
    (Lao động tiên tiến together with Chiến sĩ thi đua cơ sở), never the
    same title twice. Lines follow their registration's lock and rights.
    """

    _name = "tdkt.registration.line"
    _description = "Emulation Registration Line"
    _inherit = ["tdkt.access.mixin"]
    _order = "registration_id, award_type_id, employee_id, id"
    _check_company_auto = True
    _tdkt_text_limits = {"note": 1000, "job_title": 200}

    registration_id = fields.Many2one(
        "tdkt.registration", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="registration_id.company_id", string="Agency", store=True, index=True
    )
    movement_id = fields.Many2one(
        related="registration_id.movement_id", store=True, index=True
    )
    unit_id = fields.Many2one(related="registration_id.unit_id", store=True, index=True)
    year = fields.Integer(related="registration_id.year", store=True, index=True)
    state = fields.Selection(
        related="registration_id.state", string="Status", store=True, index=True
    )
    employee_id = fields.Many2one(
        "hr.employee", string="Person", required=True, index=True, check_company=True
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", string="User", store=True, index=True
    )
    job_title = fields.Char(
        compute="_compute_job_title", store=True, readonly=False, precompute=True
    )
    award_type_id = fields.Many2one(
        "tdkt.award.type",
        string="Title or Form",
        required=True,
        index=True,
        check_company=True,
    )
    note = fields.Char()

    @api.depends("employee_id")
    def _compute_job_title(self):
        for line in self:
            # sudo: the job title of a colleague is printed on the form; a
            # Staff registrar may not read HR records.
            line.job_title = line.employee_id.sudo().job_title or False

    # --- constraints --------------------------------------------------------------
    @api.constrains("award_type_id", "employee_id", "registration_id")
    def _check_title(self):
        for line in self:
            award = line.award_type_id
            registration = line.registration_id
            if award.subject != "individual":
                raise ValidationError(
                    self.env._(
                        "'%(award)s' is a title for collectives: '%(person)s' cannot "
                        "register for it.",
                        award=award.display_name,
                        person=line.employee_id.name,
                    )
                )
            registration._tdkt_check_open(award)
            # sudo: the employee's department decides the unit; Staff may not
            # read HR records.
            department = line.employee_id.sudo().department_id
            # sudo: the unit's departments are HR records too
            unit_departments = registration.unit_id.sudo().department_ids
            if department not in unit_departments:
                raise ValidationError(
                    self.env._(
                        "'%(person)s' does not work in '%(unit)s'.",
                        person=line.employee_id.name,
                        unit=registration.unit_id.name,
                    )
                )
        self._tdkt_check_twice()

    def _tdkt_check_twice(self):
        """The same person and title once a year, across movements and units."""
        if not self:
            return
        self.flush_model(["employee_id", "award_type_id", "year"])
        # sudo: the other registration may be another unit's, which the user
        # cannot read; only the clashing pairs come back.
        clashes = self.sudo()._read_group(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("award_type_id", "in", self.award_type_id.ids),
                ("year", "in", list(set(self.mapped("year")))),
            ],
            ["employee_id", "award_type_id", "year"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        mine = {(line.employee_id, line.award_type_id, line.year) for line in self}
        for employee, award, year, _count in clashes:
            if (employee, award, year) in mine:
                raise ValidationError(
                    self.env._(
                        "'%(person)s' is already registered for '%(award)s' in "
                        "%(year)s: a title is registered once a year (Lao động tiên "
                        "tiến and Chiến sĩ thi đua cơ sở may go together).",
                        person=employee.name,
                        award=award.display_name,
                        year=year,
                    )
                )

    # --- CRUD: lines follow their registration ----------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        self._tdkt_check_vals(vals_list)
        registrations = self.env["tdkt.registration"].browse(
            {
                vals["registration_id"]
                for vals in vals_list
                if vals.get("registration_id")
            }
        )
        registrations.check_access("write")
        registrations._tdkt_check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        self._tdkt_check_vals([vals])
        registrations = self.registration_id
        if vals.get("registration_id"):
            registrations |= self.env["tdkt.registration"].browse(
                vals["registration_id"]
            )
        registrations.check_access("write")
        registrations._tdkt_check_editable()
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self.registration_id.check_access("write")
        self.registration_id._tdkt_check_editable()
        return super().unlink()
