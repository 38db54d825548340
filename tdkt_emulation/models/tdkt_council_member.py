from odoo import api, fields, models
from odoo.exceptions import ValidationError

COUNCIL_ROLES = [
    ("chair", "Chair"),
    ("vice_chair", "Vice-Chair"),
    ("secretary", "Secretary"),
    ("member", "Member"),
]


class TdktCouncilMember(models.Model):
    """A user sitting on a council, in a role (chair, vice-chair, secretary,
    member). The employee behind the user gives the name, position and unit
    printed in the minutes."""

    _name = "tdkt.council.member"
    _description = "Council Member"
    _inherit = ["tdkt.access.mixin"]
    _order = "council_id, sequence, id"
    _rec_name = "user_id"

    council_id = fields.Many2one(
        "tdkt.council", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="council_id.company_id", string="Agency", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        "res.users",
        string="User",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('share', '=', False)]",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Employee",
        compute="_compute_employee_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="The employee behind the user: name, position and unit in the minutes.",
    )
    role = fields.Selection(COUNCIL_ROLES, required=True, default="member")
    job_title = fields.Char(compute="_compute_job_title", string="Position")

    _sql_constraints = [
        (
            "user_uniq",
            "unique(council_id, user_id)",
            "A person sits on a council only once.",
        ),
    ]

    @api.depends("user_id", "council_id.company_id")
    def _compute_employee_id(self):
        # sudo: the council reads who its members are; Council members and
        # staff may not read HR records.
        Employee = self.env["hr.employee"].sudo()
        for member in self:
            if not member.user_id:
                member.employee_id = False
                continue
            member.employee_id = Employee.search(
                [
                    ("user_id", "=", member.user_id.id),
                    ("company_id", "in", [member.company_id.id, False]),
                ],
                limit=1,
            )

    @api.depends("employee_id")
    def _compute_job_title(self):
        for member in self:
            # sudo: the position is printed in the minutes (see above)
            member.job_title = member.employee_id.sudo().job_title or False

    @api.depends("user_id", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for member in self:
            member.display_name = (
                f"{member.user_id.name or ''} ({roles.get(member.role, '')})"
                if member.user_id
                else ""
            )

    @api.constrains("role", "council_id")
    def _check_single_roles(self):
        for council in self.council_id:
            for role in ("chair", "secretary"):
                if len(council.member_ids.filtered(lambda m, r=role: m.role == r)) > 1:
                    roles = dict(self._fields["role"]._description_selection(self.env))
                    raise ValidationError(
                        self.env._(
                            "'%(council)s' has one %(role)s only.",
                            council=council.name,
                            role=roles[role].lower(),
                        )
                    )

    @api.constrains("user_id", "employee_id", "council_id")
    def _check_company(self):
        for member in self:
            if member.company_id not in member.user_id.company_ids:
                raise ValidationError(
                    self.env._(
                        "'%(user)s' is not a user of %(agency)s: a council's "
                        "members are the agency's people.",
                        user=member.user_id.name,
                        agency=member.company_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_vals(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_vals([vals])
        return super().write(vals)
