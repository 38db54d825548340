from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .tdkt_workflow_mixin import GROUP_COUNCIL

COUNCIL_ROLES = [
    ("chair", "Chairperson"),
    ("vice_chair", "Vice-Chairperson"),
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
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('share', '=', False)]",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        compute="_compute_employee_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="The employee behind the user: name, position and unit in the minutes.",
    )
    role = fields.Selection(COUNCIL_ROLES, required=True, default="member")
    job_title = fields.Char(compute="_compute_job_title")

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
            if not member.user_id.has_group(GROUP_COUNCIL):
                raise ValidationError(
                    self.env._(
                        "'%(user)s' does not have the role 'Council Member' (or "
                        "a higher one): give the user that role first.",
                        user=member.user_id.name,
                    )
                )
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
        members = super().create(vals_list)
        # A new member is on the roll of the council's sessions in
        # preparation. sudo: the roll follows the council, which the user
        # may change (checked by the ACL of members).
        self.env["tdkt.council.attendance"].sudo().create(
            [
                {"session_id": session.id, "member_id": member.id}
                for member in members
                for session in member.council_id.session_ids
                if session.state == "draft"
            ]
        )
        return members

    def write(self, vals):
        self._tdkt_check_vals([vals])
        if "user_id" in vals or "council_id" in vals:
            self._tdkt_check_no_session()
        return super().write(vals)

    def unlink(self):
        self._tdkt_check_no_session()
        return super().unlink()

    def _tdkt_check_no_session(self):
        """A seat that took part in a session keeps its person: the roll
        and the votes of that session name it."""
        # sudo: whether the seat is on any session's roll, whoever may read it
        Attendance = self.env["tdkt.council.attendance"].sudo()
        used = Attendance.search(
            [("member_id", "in", self.ids), ("session_id.state", "!=", "draft")],
            limit=1,
        )
        if used:
            raise UserError(
                self.env._(
                    "'%(member)s' took part in '%(session)s': the seat keeps its "
                    "person. Add a new member instead.",
                    member=used.member_id.user_id.name,
                    session=used.session_id.name,
                )
            )
