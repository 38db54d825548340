from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .tdkt_workflow_mixin import GROUP_COUNCIL, GROUP_OFFICE, Transition

SESSION_STATES = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("closed", "Closed"),
]
# Fields only the lifecycle and the session's own methods write.
SESSION_SYSTEM_FIELDS = {"proposal_ids"}


class TdktCouncilSession(models.Model):
    """A meeting of the council (phiên họp Hội đồng TĐKT) that reviews the
    proposals on its agenda.

    The Office prepares it (date, place, agenda); the chair or the secretary
    opens it, the present members vote while it is open, and the chair or
    the secretary closes it.
    """

    _name = "tdkt.council.session"
    _description = "Council Session"
    _inherit = ["tdkt.workflow.mixin", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _tdkt_states = ("draft", "open", "closed")
    _tdkt_issue_group = GROUP_COUNCIL
    _tdkt_extra_transitions = (
        Transition("open", ("draft",), "open", GROUP_COUNCIL, "_tdkt_check_open"),
        Transition("close", ("open",), "closed", GROUP_COUNCIL, "_tdkt_check_close"),
    )
    _tdkt_text_limits = {"place": 300, "note": 5000}

    name = fields.Char(compute="_compute_name", store=True)
    council_id = fields.Many2one(
        "tdkt.council",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        related="council_id.company_id", string="Agency", store=True, index=True
    )
    date = fields.Datetime(
        required=True, tracking=True, default=lambda self: fields.Datetime.now()
    )
    place = fields.Char(tracking=True)
    plan_task_id = fields.Many2one(
        "tdkt.plan.task",
        string="Plan Task",
        index=True,
        check_company=True,
        ondelete="set null",
        help="The task of the agency's plan this session fulfils.",
    )
    state = fields.Selection(
        SESSION_STATES,
        string="Status",
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    proposal_ids = fields.One2many(
        "tdkt.award.proposal",
        "council_session_id",
        string="Agenda",
        help="The proposals the session reviews.",
    )
    chair_id = fields.Many2one(
        "tdkt.council.member",
        string="Chair",
        compute="_compute_officers",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('council_id', '=', council_id)]",
        help="Who chairs this session: the council's chair, or who stands in.",
    )
    secretary_id = fields.Many2one(
        "tdkt.council.member",
        string="Secretary",
        compute="_compute_officers",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('council_id', '=', council_id)]",
    )
    note = fields.Text()

    @api.depends("date", "council_id.name")
    def _compute_name(self):
        for session in self:
            day = (
                fields.Datetime.context_timestamp(session, session.date).strftime(
                    "%d/%m/%Y"
                )
                if session.date
                else ""
            )
            session.name = f"Phiên họp {session.council_id.name or ''} ngày {day}"

    @api.depends("council_id")
    def _compute_officers(self):
        for session in self:
            members = session.council_id.member_ids
            if session.chair_id.council_id != session.council_id:
                session.chair_id = members.filtered(lambda m: m.role == "chair")[:1]
            if session.secretary_id.council_id != session.council_id:
                session.secretary_id = members.filtered(
                    lambda m: m.role == "secretary"
                )[:1]

    @api.constrains("chair_id", "secretary_id", "council_id")
    def _check_officers(self):
        for session in self:
            for member in session.chair_id | session.secretary_id:
                if member.council_id != session.council_id:
                    raise ValidationError(
                        self.env._(
                            "'%(member)s' does not sit on '%(council)s'.",
                            member=member.user_id.name,
                            council=session.council_id.name,
                        )
                    )

    # --- CRUD -----------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_vals(vals_list)
        if not self.env.su:
            self._tdkt_check_group(
                GROUP_OFFICE, self.env._("prepare a council session")
            )
            for vals in vals_list:
                vals.pop("state", None)
                if SESSION_SYSTEM_FIELDS & set(vals):
                    raise UserError(self._tdkt_agenda_message())
        return super().create(vals_list)

    def write(self, vals):
        vals = dict(vals)
        new_state = None
        self._tdkt_check_vals([vals])
        if not self.env.su:
            new_state = vals.pop("state", None)
            if SESSION_SYSTEM_FIELDS & set(vals):
                raise UserError(self._tdkt_agenda_message())
            content = [
                name for name in vals if not name.startswith(("message_", "activity_"))
            ]
            if content:
                self._tdkt_check_preparer()
                for session in self:
                    if session.state != "draft":
                        raise UserError(
                            self.env._(
                                "'%(session)s' has opened: its date, place and "
                                "officers no longer change.",
                                session=session.name,
                            )
                        )
        if vals:
            super().write(vals)
        if new_state is not None:
            self._tdkt_write_state_change(new_state)
        return True

    def unlink(self):
        if not self.env.su:
            self._tdkt_check_group(GROUP_OFFICE, self.env._("delete a council session"))
            for session in self:
                if session.state != "draft":
                    raise UserError(
                        self.env._(
                            "'%(session)s' has opened: it is kept.",
                            session=session.name,
                        )
                    )
        return super().unlink()

    def _tdkt_agenda_message(self):
        return self.env._(
            "The agenda of a council session is set with its buttons: take the "
            "proposals under council review."
        )

    # --- who may do what --------------------------------------------------------------
    def _tdkt_is_officer(self, user=None):
        """Whether ``user`` chairs or is the secretary of this session."""
        self.ensure_one()
        user = user or self.env.user
        return user in (self.chair_id.user_id | self.secretary_id.user_id)

    def _tdkt_check_preparer(self):
        """The Office, or the session's chair or secretary, prepare it."""
        if self.env.su or self.env.user.has_group(GROUP_OFFICE):
            return
        for session in self:
            if not session._tdkt_is_officer():
                raise AccessError(
                    self.env._(
                        "Only the Office, or the chair or the secretary of "
                        "'%(session)s', may prepare it.",
                        session=session.name,
                    )
                )

    def _tdkt_check_officer(self, action):
        for session in self:
            if not (self.env.su or session._tdkt_is_officer()):
                raise AccessError(
                    self.env._(
                        "Only the chair or the secretary of '%(session)s' may "
                        "%(action)s it.",
                        session=session.name,
                        action=action,
                    )
                )

    # --- lifecycle --------------------------------------------------------------------
    def _tdkt_action_label(self, action):
        if action == "open":
            return self.env._("open")
        return super()._tdkt_action_label(action)

    def _tdkt_check_open(self):
        self._tdkt_check_officer(self.env._("open"))

    def _tdkt_check_close(self):
        self._tdkt_check_officer(self.env._("close"))

    def action_open(self):
        return self._tdkt_do("open")

    def action_close(self):
        return self._tdkt_do("close")
