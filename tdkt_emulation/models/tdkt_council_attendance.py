from odoo import api, fields, models
from odoo.exceptions import UserError

ATTENDANCE = [
    ("present", "Present"),
    ("absent_written", "Absent, Written Opinion"),
    ("absent", "Absent"),
]


class TdktCouncilAttendance(models.Model):
    """Whether a member of the council attends a session: present, absent
    with a written opinion, or absent. Taken while the session is a draft;
    it decides who votes once the session opens."""

    _name = "tdkt.council.attendance"
    _description = "Council Session Attendance"
    _inherit = ["tdkt.access.mixin"]
    _order = "session_id, sequence, id"
    _rec_name = "member_id"

    session_id = fields.Many2one(
        "tdkt.council.session", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="session_id.company_id", string="Agency", store=True, index=True
    )
    member_id = fields.Many2one(
        "tdkt.council.member", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        related="member_id.user_id", string="User", store=True, index=True
    )
    role = fields.Selection(related="member_id.role")
    job_title = fields.Char(related="member_id.job_title")
    sequence = fields.Integer(related="member_id.sequence", store=True)
    status = fields.Selection(ATTENDANCE, required=True, default="present")
    has_voted = fields.Boolean(
        string="Took Part in the Vote",
        readonly=True,
        help="Kept when the session closes, also for a secret ballot, whose "
        "choices are not kept.",
    )

    _sql_constraints = [
        (
            "member_uniq",
            "unique(session_id, member_id)",
            "A member is on the roll of a session once.",
        ),
    ]

    @api.constrains("member_id", "session_id")
    def _check_member(self):
        for line in self:
            if line.member_id.council_id != line.session_id.council_id:
                raise UserError(
                    self.env._(
                        "'%(member)s' does not sit on '%(council)s'.",
                        member=line.member_id.user_id.name,
                        council=line.session_id.council_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_vals(vals_list)
        if not self.env.su:
            sessions = self.env["tdkt.council.session"].browse(
                {vals.get("session_id") for vals in vals_list}
            )
            sessions._tdkt_check_roll_editable()
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_vals([vals])
        if not self.env.su:
            self.session_id._tdkt_check_roll_editable()
            if set(vals) - {"status"}:
                raise UserError(
                    self.env._("Only whether the member attends changes on the roll.")
                )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.session_id._tdkt_check_roll_editable()
        return super().unlink()
