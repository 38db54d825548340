from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .tdkt_official_document_mixin import GROUP_CHIEF, GROUP_OFFICE, GROUP_USER
from .tdkt_workflow_mixin import GROUP_COUNCIL, Transition

PERFORMANCE_RATINGS = [
    ("htxs", "Completed Tasks Excellently"),
    ("htt", "Completed Tasks Well"),
    ("ht", "Completed Tasks"),
    ("khht", "Did Not Complete Tasks"),
]
INNOVATION_KINDS = [
    ("initiative", "Initiative"),
    ("research", "Research Topic"),
    ("solution", "Solution"),
]
INNOVATION_SCOPES = [
    ("unit", "Within the Agency"),
    ("ministry_province", "Ministry or Province"),
    ("national", "Nationwide"),
]
DISCIPLINES = [
    ("none", "None"),
    ("reprimand", "Reprimand (khiển trách)"),
    ("warning", "Warning (cảnh cáo) or Higher"),
]
ELIGIBILITY = [
    ("pass", "Eligible"),
    ("fail", "Not Eligible"),
    ("needs_data", "Needs Data"),
]
# The facts the checks read: a change refreshes them.
FACT_FIELDS = (
    "award_type_id",
    "employee_id",
    "person_name",
    "nominee_unit_id",
    "performance_rating",
    "innovation_kind",
    "innovation_reference",
    "innovation_scope",
    "discipline",
    "discipline_date",
    "under_investigation",
    "start_date",
    "maternity_leave",
)
# Fields only the lifecycle and the engine write.
PROPOSAL_SYSTEM_FIELDS = {
    "cluster_honour_id",
    "eligibility",
    "override_reason",
    "override_user_id",
    "override_date",
    "council_session_id",
    "revoked",
    "revocation_reason",
    "vote_agree",
    "vote_disagree",
    "vote_abstain",
    "vote_base",
    "vote_percent_present",
    "vote_percent_members",
}
# What an eligibility check says (after the proposal it belongs to).
CHECK_FIELDS = ["proposal_id", "code", "status", "rule_id", "name", "basis", "detail"]
# States in which the unit may still change its proposal.
EDITABLE_STATES = ("draft", "returned")


class TdktAwardProposal(models.Model):
    """One nominee proposed for one title or form in one year.

    The nominee is an employee, a person of a member agency (named), or a
    collective (the proposing department or member agency). Its eligibility
    checks cite the rule, article and period they apply; a proposal failing
    them goes to the vote only with the Chief's override and a reason.
    """

    _name = "tdkt.award.proposal"
    _description = "Award Proposal"
    _inherit = ["tdkt.workflow.mixin", "mail.activity.mixin", "tdkt.person.mixin"]
    _order = "dossier_id, subject desc, award_type_id, nominee_name, id"
    _check_company_auto = True
    _rec_name = "nominee_name"
    _tdkt_states = (
        "draft",
        "submitted",
        "council",
        "approved",
        "rejected",
        "returned",
        "decided",
        "forwarded",
        "conferred",
    )
    _tdkt_issue_group = GROUP_OFFICE
    _tdkt_extra_transitions = (
        Transition(
            "submit",
            ("draft", "returned"),
            "submitted",
            GROUP_USER,
            "_tdkt_check_with_dossier",
        ),
        Transition(
            "send_council",
            ("submitted",),
            "council",
            GROUP_OFFICE,
            "_tdkt_check_with_dossier",
        ),
        Transition(
            "return", ("submitted", "council"), "returned", GROUP_OFFICE, reason=True
        ),
        # The Office records the outcome of a council that met on paper; a
        # proposal on the agenda of a session in Odoo is decided by its vote.
        Transition(
            "approve", ("council",), "approved", GROUP_OFFICE, "_tdkt_check_off_agenda"
        ),
        Transition(
            "reject",
            ("council",),
            "rejected",
            GROUP_OFFICE,
            "_tdkt_check_off_agenda",
            reason=True,
        ),
        # Made by the closing of the council session, from the tally.
        Transition(
            "vote_approve", ("council",), "approved", GROUP_COUNCIL, None, ("internal",)
        ),
        Transition(
            "vote_reject", ("council",), "rejected", GROUP_COUNCIL, None, ("internal",)
        ),
        # Made by the issued decision of the agency, by the issued submission
        # upward and by the higher level's decision recorded on it: never by
        # hand.
        Transition(
            "forward",
            ("approved",),
            "forwarded",
            GROUP_CHIEF,
            "_tdkt_check_forward",
            ("internal",),
        ),
        Transition(
            "decide",
            ("approved",),
            "decided",
            GROUP_CHIEF,
            "_tdkt_check_decide",
            ("internal",),
        ),
        Transition(
            "confer", ("forwarded",), "conferred", GROUP_OFFICE, None, ("internal",)
        ),
    )
    _tdkt_text_limits = {
        "person_name": 200,
        "job_title": 200,
        "achievement_summary": 5000,
        "innovation_reference": 300,
        "override_reason": 2000,
    }

    dossier_id = fields.Many2one(
        "tdkt.award.dossier",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="dossier_id.company_id", string="Agency", store=True, index=True
    )
    year = fields.Integer(related="dossier_id.year", store=True, index=True)
    unit_id = fields.Many2one(
        related="dossier_id.unit_id", string="Proposing Unit", store=True, index=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("council", "Under Council Review"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("returned", "Returned"),
            ("decided", "Decided"),
            ("forwarded", "Forwarded Upward"),
            ("conferred", "Conferred"),
        ],
        string="Status",
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
        group_expand=True,
    )
    award_type_id = fields.Many2one(
        "tdkt.award.type",
        string="Title or Form",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    subject = fields.Selection(related="award_type_id.subject", store=True)
    conferring_level = fields.Selection(related="award_type_id.conferring_level")
    nominee_unit_id = fields.Many2one(
        "tdkt.unit",
        string="Collective",
        index=True,
        check_company=True,
        help="The collective proposed: the proposing department or member agency.",
    )
    nominee_name = fields.Char(
        string="Nominee", compute="_compute_nominee_name", store=True, index=True
    )
    registration_line_id = fields.Many2one(
        "tdkt.registration.line",
        string="Registered As",
        index=True,
        ondelete="set null",
        readonly=True,
    )
    registration_id = fields.Many2one(
        "tdkt.registration", index=True, ondelete="set null", readonly=True
    )
    cluster_honour_id = fields.Many2one(
        "tdkt.cluster.honour",
        string="Voted by the Cluster",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
        copy=False,
        help="The cluster's vote to honour that proposed this member agency.",
    )
    achievement_summary = fields.Text(string="Achievements")
    performance_rating = fields.Selection(
        PERFORMANCE_RATINGS,
        string="Rating of the Year",
        tracking=True,
        help="The year's rating of task completion.",
    )
    innovation_kind = fields.Selection(
        INNOVATION_KINDS,
        string="Recognised Initiative or Research",
        tracking=True,
    )
    innovation_reference = fields.Char(
        string="Recognition Reference",
        help="The decision or certificate recognising it, e.g. 'QĐ 15/QĐ-TTr "
        "ngày 10/11/2024'.",
    )
    innovation_scope = fields.Selection(
        INNOVATION_SCOPES, string="Recognised Scope", tracking=True
    )
    discipline = fields.Selection(
        DISCIPLINES,
        string="Disciplinary Measure",
        default="none",
        required=True,
        tracking=True,
        help="For a collective: the heaviest measure any of its members received.",
    )
    discipline_date = fields.Date()
    under_investigation = fields.Boolean(
        string="Under Investigation or Disciplinary Review", tracking=True
    )
    start_date = fields.Date(
        string="Start Date in the Agency",
        help="The date the person was recruited into the agency.",
    )
    maternity_leave = fields.Boolean(
        string="Maternity Leave in the Year",
        help="Maternity leave is counted as working time for the titles.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Attachments",
        help="Achievement report, recognition of the initiative.",
    )
    check_ids = fields.One2many(
        "tdkt.award.proposal.check", "proposal_id", string="Eligibility Checks"
    )
    eligibility = fields.Selection(
        ELIGIBILITY, readonly=True, index=True, copy=False, tracking=True
    )
    override_reason = fields.Text(readonly=True, copy=False)
    override_user_id = fields.Many2one(
        "res.users", string="Overridden By", readonly=True, copy=False
    )
    override_date = fields.Date(readonly=True, copy=False)
    is_overridden = fields.Boolean(
        string="Overridden", compute="_compute_is_overridden", store=True
    )
    council_session_id = fields.Many2one(
        "tdkt.council.session",
        index=True,
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The council session whose agenda holds the proposal.",
    )
    council_session_state = fields.Selection(
        related="council_session_id.state", string="Session Status"
    )
    my_vote = fields.Selection(
        [
            ("agree", "Agree"),
            ("disagree", "Disagree"),
            ("abstain", "Abstain"),
        ],
        compute="_compute_my_vote",
        help="Your vote on the proposal in its council session.",
    )
    # The council's result, written when its session closes.
    vote_agree = fields.Integer(string="Votes For", readonly=True, copy=False)
    vote_disagree = fields.Integer(string="Votes Against", readonly=True, copy=False)
    vote_abstain = fields.Integer(string="Abstentions", readonly=True, copy=False)
    vote_base = fields.Integer(
        string="Votes Counted",
        readonly=True,
        copy=False,
        help="The denominator of the pass threshold under the session's rule.",
    )
    vote_percent_present = fields.Float(
        string="% of Members Present", readonly=True, copy=False, digits=(5, 2)
    )
    vote_percent_members = fields.Float(
        string="% of All Members", readonly=True, copy=False, digits=(5, 2)
    )
    revoked = fields.Boolean(
        string="Award Revoked",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="The decision that conferred it was revoked.",
    )
    revocation_reason = fields.Text(readonly=True, copy=False)

    # --- computes ---------------------------------------------------------------
    @api.depends("person_name", "nominee_unit_id.name")
    def _compute_nominee_name(self):
        for proposal in self:
            proposal.nominee_name = (
                proposal.person_name or proposal.nominee_unit_id.name or False
            )

    @api.depends("override_reason")
    def _compute_is_overridden(self):
        for proposal in self:
            proposal.is_overridden = bool(proposal.override_reason)

    @api.depends("council_session_id")
    @api.depends_context("uid")
    def _compute_my_vote(self):
        self.my_vote = False
        if not self.env.user.has_group(GROUP_COUNCIL):
            return
        # The user's own ballots only (the record rules hide the others').
        ballots = self.env["tdkt.council.ballot"].search_fetch(
            [
                ("user_id", "=", self.env.uid),
                ("proposal_id", "in", self.ids),
                ("session_id", "in", self.council_session_id.ids),
            ],
            ["proposal_id", "session_id", "choice"],
        )
        mine = {(b.proposal_id.id, b.session_id.id): b.choice for b in ballots}
        for proposal in self:
            proposal.my_vote = mine.get(
                (proposal.id, proposal.council_session_id.id), False
            )

    @api.depends("nominee_name", "award_type_id", "year")
    def _compute_display_name(self):
        for proposal in self:
            proposal.display_name = (
                f"{proposal.nominee_name or ''} - {proposal.award_type_id.name or ''} "
                f"{proposal.year or ''}"
            ).strip()

    @api.onchange("award_type_id", "dossier_id")
    def _onchange_award_type_id(self):
        if self.subject == "collective" and not self.nominee_unit_id:
            self.nominee_unit_id = self.dossier_id.unit_id

    # --- constraints --------------------------------------------------------------
    @api.constrains("award_type_id", "employee_id", "person_name", "nominee_unit_id")
    def _check_nominee(self):
        for proposal in self:
            award = proposal.award_type_id
            unit = proposal.dossier_id.unit_id
            if award.subject == "collective":
                if proposal.employee_id or proposal.nominee_unit_id != unit:
                    raise ValidationError(
                        self.env._(
                            "'%(award)s' is for collectives: the collective proposed "
                            "is '%(unit)s' itself, not a person.",
                            award=award.name,
                            unit=unit.name,
                        )
                    )
                continue
            if proposal.nominee_unit_id:
                raise ValidationError(
                    self.env._(
                        "'%(award)s' is for individuals: choose a person, not a "
                        "collective.",
                        award=award.name,
                    )
                )
            if unit.unit_type == "agency":
                if proposal.employee_id or not (proposal.person_name or "").strip():
                    raise ValidationError(
                        self.env._(
                            "'%(unit)s' is a member agency: write the full name of "
                            "its person; they are not employees of this agency.",
                            unit=unit.name,
                        )
                    )
                continue
            # sudo: HR records; only the company and department are compared.
            employee = proposal.employee_id.sudo()
            if not employee:
                raise ValidationError(
                    self.env._(
                        "Choose the employee of '%(unit)s' proposed for '%(award)s'.",
                        unit=unit.name,
                        award=award.name,
                    )
                )
            if employee.company_id != proposal.company_id:
                raise ValidationError(
                    self.env._(
                        "'%(person)s' is not a person of %(agency)s: an agency "
                        "proposes its own people.",
                        person=employee.name,
                        agency=proposal.company_id.name,
                    )
                )
            # sudo: the unit's departments are HR records
            if employee.department_id not in unit.sudo().department_ids:
                raise ValidationError(
                    self.env._(
                        "'%(person)s' does not work in '%(unit)s'.",
                        person=employee.name,
                        unit=unit.name,
                    )
                )
        self._tdkt_check_twice()

    def _tdkt_check_twice(self):
        """The same nominee and title once a year, across dossiers."""
        self.flush_model(["employee_id", "nominee_unit_id", "person_name", "year"])
        # sudo: the other proposal may be another unit's, which the user
        # cannot read; only keys come back.
        others = self.sudo().search(
            [
                ("award_type_id", "in", self.award_type_id.ids),
                ("year", "in", list(set(self.mapped("year")))),
                ("state", "!=", "rejected"),
            ]
        )
        seen = {}
        for other in others:
            key = other._tdkt_nominee_key()
            seen[key] = seen.get(key, 0) + 1
        for proposal in self:
            if seen.get(proposal._tdkt_nominee_key(), 0) > 1:
                raise ValidationError(
                    self.env._(
                        "'%(nominee)s' is already proposed for '%(award)s' in "
                        "%(year)s.",
                        nominee=proposal.nominee_name,
                        award=proposal.award_type_id.name,
                        year=proposal.year,
                    )
                )

    def _tdkt_nominee_key(self):
        name = " ".join((self.person_name or "").split()).casefold()
        return (
            self.award_type_id.id,
            self.year,
            self.employee_id.id or False,
            self.nominee_unit_id.id or False,
            (self.unit_id.id, name) if not self.employee_id else False,
        )

    # --- CRUD: proposals follow their dossier --------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        self._tdkt_check_vals(vals_list)
        if not self.env.su:
            for vals in vals_list:
                vals.pop("state", None)
                for name in PROPOSAL_SYSTEM_FIELDS:
                    vals.pop(name, None)
        dossiers = self.env["tdkt.award.dossier"].browse(
            {vals["dossier_id"] for vals in vals_list if vals.get("dossier_id")}
        )
        dossiers.check_access("write")
        dossiers._tdkt_check_editable()
        for vals in vals_list:
            dossier = dossiers.filtered(lambda d, v=vals: d.id == v.get("dossier_id"))
            award = self.env["tdkt.award.type"].browse(vals.get("award_type_id"))
            if award.subject == "collective" and not vals.get("nominee_unit_id"):
                vals["nominee_unit_id"] = dossier.unit_id.id
        proposals = super().create(vals_list)
        proposals._tdkt_refresh_checks()
        return proposals

    def write(self, vals):
        vals = dict(vals)
        new_state = None
        if not self.env.su:
            self.check_access("write")
            new_state = vals.pop("state", None)
            if PROPOSAL_SYSTEM_FIELDS & set(vals):
                raise AccessError(
                    self.env._(
                        "The eligibility, the Chief's override and the council "
                        "session of a proposal are kept by the system; the Chief "
                        "overrides with the button, the session takes its agenda "
                        "with its own."
                    )
                )
        self._tdkt_check_vals([vals])
        content = [
            name for name in vals if not name.startswith(("message_", "activity_"))
        ]
        if content and not self.env.su:
            self._tdkt_check_editable()
            if vals.get("dossier_id"):
                target = self.env["tdkt.award.dossier"].browse(vals["dossier_id"])
                target.check_access("write")
                target._tdkt_check_editable()
        if vals:
            super().write(vals)
        if set(FACT_FIELDS) & set(vals):
            self._tdkt_refresh_checks()
        if new_state is not None:
            self._tdkt_write_state_change(new_state)
        return True

    def unlink(self):
        if not self.env.su:
            self.check_access("unlink")
            self._tdkt_check_editable()
        return super().unlink()

    def _tdkt_check_editable(self):
        for proposal in self:
            if proposal.state not in EDITABLE_STATES:
                raise UserError(
                    self.env._(
                        "'%(proposal)s' is %(state)s: it can no longer be changed "
                        "(only a returned proposal is changed again).",
                        proposal=proposal.display_name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[proposal.state].lower(),
                    )
                )
        self.dossier_id.check_access("write")
        self.dossier_id._tdkt_check_editable()

    # --- lifecycle ------------------------------------------------------------------
    def _tdkt_follow_dossier(self, action, reason):
        """Make ``action`` on the proposals that can make it from their
        state (the dossier's move, already checked, carries them)."""
        for proposal in self:
            if any(
                row.action == action and proposal.state in row.from_states
                for row in proposal._tdkt_transitions()
            ):
                proposal._tdkt_do(action, reason=reason)

    def _tdkt_check_with_dossier(self):
        """Submitted and sent to the council with the dossier only."""
        for proposal in self:
            if proposal.dossier_id.state not in ("submitted", "council"):
                raise UserError(
                    self.env._(
                        "'%(proposal)s' moves with its dossier: submit the dossier "
                        "'%(dossier)s'.",
                        proposal=proposal.display_name,
                        dossier=proposal.dossier_id.display_name,
                    )
                )

    def _tdkt_check_forward(self):
        for proposal in self:
            if proposal.award_type_id.conferring_level == "unit":
                raise UserError(
                    self.env._(
                        "'%(award)s' is conferred by the head of the agency "
                        "(Law 2022, art. 80): it is decided here, not forwarded.",
                        award=proposal.award_type_id.name,
                    )
                )

    def _tdkt_check_off_agenda(self):
        for proposal in self:
            if proposal.council_session_id:
                raise UserError(
                    self.env._(
                        "'%(proposal)s' is on the agenda of '%(session)s': the "
                        "council's vote decides it when the session closes.",
                        proposal=proposal.display_name,
                        session=proposal.council_session_id.name,
                    )
                )

    def _tdkt_check_decide(self):
        for proposal in self:
            if proposal.award_type_id.conferring_level != "unit":
                raise UserError(
                    self.env._(
                        "'%(award)s' is beyond the authority of the head of the "
                        "agency (Law 2022, art. 80): it is proposed to the higher "
                        "level, not decided here.",
                        award=proposal.award_type_id.name,
                    )
                )

    def _tdkt_confer_awards(self, decision_number, decision_date, issuer, level):
        """Put the proposals in the award history once their decision exists.

        Approved proposals are decided by the agency's own decision (``level``
        "own"); forwarded ones are conferred by the higher level's decision
        (``level`` "higher"). Each move goes through the table (the group and
        the authority are checked there), then each nominee gets its award
        record. A member agency's person named without an employee keeps the
        proposal itself as history.
        """
        for proposal in self:
            proposal._tdkt_do("decide" if proposal.state == "approved" else "confer")
        vals_list = [
            {
                "company_id": proposal.company_id.id,
                "award_type_id": proposal.award_type_id.id,
                "employee_id": proposal.employee_id.id,
                "unit_id": (
                    proposal.nominee_unit_id.id if not proposal.employee_id else False
                ),
                "year": proposal.year,
                "decision_number": decision_number,
                "decision_date": decision_date,
                "issuer": issuer,
                "issuer_level": level,
                "source": "proposal",
                "proposal_id": proposal.id,
            }
            for proposal in self
            if proposal.employee_id or proposal.subject == "collective"
        ]
        # sudo: where a record comes from (source, proposal) is written by the
        # system only; the user's right to make the move was checked above.
        return self.env["tdkt.award.record"].sudo().create(vals_list)

    def _tdkt_action_label(self, action):
        labels = {
            "send_council": self.env._("send to the council"),
            "approve": self.env._("approve"),
            "reject": self.env._("reject"),
            "forward": self.env._("forward upward"),
            "decide": self.env._("decide"),
            "confer": self.env._("record the higher level's decision on"),
            "override": self.env._("override the eligibility checks of"),
        }
        return labels.get(action) or super()._tdkt_action_label(action)

    def _tdkt_do(self, action, reason=None):
        if action == "override":
            return self._tdkt_override(reason)
        return super()._tdkt_do(action, reason=reason)

    def _tdkt_override(self, reason):
        """The Chief lets failing proposals go on, with a reason kept in the
        chatter (and printed with the council's minutes)."""
        self._tdkt_check_group(
            GROUP_CHIEF, self.env._("override the eligibility checks of a proposal")
        )
        reason = (reason or "").strip()
        if not reason:
            return self._tdkt_reason_dialog("override")
        if len(reason) > self._tdkt_text_limits["override_reason"]:
            raise UserError(
                self.env._("The reason is too long: at most 2.000 characters.")
            )
        self.check_access("write")
        for proposal in self:
            if proposal.state not in ("draft", "returned", "submitted", "council"):
                raise UserError(proposal._tdkt_no_transition_message())
            # sudo: the override fields are refused to any client's write();
            # the Chief's right was checked above.
            proposal.sudo().write(
                {
                    "override_reason": reason,
                    "override_user_id": self.env.uid,
                    "override_date": fields.Date.context_today(self),
                }
            )
            failing = proposal.check_ids.filtered(
                lambda c: c.status in ("fail", "needs_data")
            )
            proposal.message_post(
                body=self.env._(
                    "The Chief lets the proposal go on despite the checks "
                    "(%(checks)s). Reason: %(reason)s",
                    checks="; ".join(
                        f"{check.name} ({check.basis})" for check in failing
                    )
                    or "-",
                    reason=reason,
                )
            )
        return True

    def action_override(self):
        return self._tdkt_do("override")

    def action_submit(self):
        return self.dossier_id._tdkt_do("submit")

    def action_send_council(self):
        return self._tdkt_do("send_council")

    def action_return(self):
        return self._tdkt_do("return")

    def action_approve(self):
        return self._tdkt_do("approve")

    def action_reject(self):
        return self._tdkt_do("reject")

    # --- the council's vote -------------------------------------------------------
    def _tdkt_vote(self, choice):
        for proposal in self:
            if not proposal.council_session_id:
                raise UserError(
                    self.env._(
                        "'%(proposal)s' is on no council session's agenda.",
                        proposal=proposal.display_name,
                    )
                )
            proposal.council_session_id._tdkt_vote(proposal, choice)
        return True

    def action_vote_agree(self):
        return self._tdkt_vote("agree")

    def action_vote_disagree(self):
        return self._tdkt_vote("disagree")

    def action_vote_abstain(self):
        return self._tdkt_vote("abstain")

    def action_remove_from_agenda(self):
        self.env["tdkt.council.session"]._tdkt_remove_from_agenda(self)
        return True

    def action_check_eligibility(self):
        self.check_access("read")
        self._tdkt_refresh_checks()
        return True

    def _tdkt_check_can_go_on(self, blocking):
        """Refuse the move while a proposal fails a check (or lacks data,
        when ``blocking`` says so) and the Chief did not override it."""
        for proposal in self:
            if proposal.eligibility in blocking and not proposal.is_overridden:
                check = proposal.check_ids.filtered(lambda c: c.status in blocking)[:1]
                raise UserError(
                    self.env._(
                        "'%(proposal)s' does not meet '%(rule)s' (%(basis)s): "
                        "%(finding)s It goes on only with the Chief's override "
                        "and a reason.",
                        proposal=proposal.display_name,
                        rule=check.name,
                        basis=check.basis,
                        finding=check.detail or "",
                    )
                )

    # --- eligibility engine -------------------------------------------------------
    def _tdkt_refresh_checks(self, rule_date=None):
        """Compute the checks of the proposals and keep them (lines and the
        overall result). The engine costs the same number of queries for 10
        proposals as for 1,000; only the proposals whose checks changed are
        written again."""
        if not self:
            return
        results = self.env["tdkt.award.eligibility"]._tdkt_evaluate(
            self, rule_date=rule_date
        )
        Check = self.env["tdkt.award.proposal.check"]
        # sudo: the checks are the engine's, written for the proposals the
        # user may read; nobody writes them by hand.
        kept = defaultdict(list)
        # sudo: the engine's checks and result (see above)
        for check in Check.sudo().search_fetch(
            [("proposal_id", "in", self.ids)], CHECK_FIELDS, order="sequence, id"
        ):
            kept[check.proposal_id.id].append(check)
        # sudo: the engine's checks and result (see above)
        stale, values, by_result = Check.sudo(), [], defaultdict(list)
        for proposal in self.sudo():  # sudo: the result only, see below
            checks = results.get(proposal.id, [])
            old = kept.get(proposal.id, [])
            if [self._tdkt_check_key(c) for c in checks] != [
                self._tdkt_check_key(c) for c in old
            ]:
                # sudo: the engine's checks and result (see above)
                stale |= Check.sudo().union(*old)
                values += [
                    {**check, "proposal_id": proposal.id, "sequence": index}
                    for index, check in enumerate(checks)
                ]
            statuses = {check["status"] for check in checks}
            result = (
                "fail"
                if "fail" in statuses
                else "needs_data"
                if "needs_data" in statuses
                else "pass"
            )
            if proposal.eligibility != result:
                by_result[result].append(proposal.id)
        stale.unlink()
        if values:
            # sudo: the engine's checks and result (see above)
            Check.sudo().create(values)
        for result, ids in by_result.items():
            # sudo: the eligibility is the engine's (refused to a client's
            # write); the checks above ran on the user's proposals.
            self.browse(ids).sudo().write({"eligibility": result})

    @staticmethod
    def _tdkt_check_key(check):
        """What a check says, from a check's values or a kept check."""
        if isinstance(check, dict):
            return tuple(check.get(name) or False for name in CHECK_FIELDS[1:])
        return (
            check.code,
            check.status,
            check.rule_id.id,
            check.name,
            check.basis or False,
            check.detail or False,
        )

    # --- from a registration --------------------------------------------------------
    @api.model
    def _tdkt_create_from_registration(self, registrations, lines):
        """Propose in one click what the accepted ``registrations`` (their
        collective title) and ``lines`` registered, in the unit's draft
        dossier of the year (made if none); what is already proposed is
        left alone. Returns the dossiers."""
        whole = registrations
        registrations |= lines.registration_id
        for registration in registrations:
            if registration.state != "accepted":
                raise UserError(
                    self.env._(
                        "'%(registration)s' is not accepted: propose from an "
                        "accepted registration.",
                        registration=registration.display_name,
                    )
                )
        Dossier = self.env["tdkt.award.dossier"]
        # sudo: whether a line or title is already proposed counts every
        # proposal, those the user cannot read included; only ids are used.
        existing = self.sudo().search([("registration_id", "in", registrations.ids)])
        done_lines = existing.registration_line_id
        done_collective = {
            (p.registration_id.id, p.award_type_id.id)
            for p in existing
            if not p.registration_line_id
        }
        dossiers = Dossier
        values = []
        for registration in registrations:
            dossier = Dossier._tdkt_open_dossier(
                registration.unit_id,
                registration.year,
                {
                    "company_id": registration.company_id.id,
                    "movement_id": registration.movement_id.id,
                },
            )
            dossiers |= dossier
            award = registration.collective_award_type_id
            if (
                registration in whole
                and award
                and (registration.id, award.id) not in done_collective
            ):
                values.append(
                    {
                        "dossier_id": dossier.id,
                        "award_type_id": award.id,
                        "nominee_unit_id": registration.unit_id.id,
                        "registration_id": registration.id,
                    }
                )
            chosen = registration.line_ids if registration in whole else lines
            for line in chosen.filtered(
                lambda l, r=registration: l.registration_id == r
            ):
                if line in done_lines:
                    continue
                values.append(
                    {
                        "dossier_id": dossier.id,
                        "award_type_id": line.award_type_id.id,
                        "employee_id": line.employee_id.id,
                        "person_name": line.person_name,
                        "job_title": line.job_title,
                        "registration_id": registration.id,
                        "registration_line_id": line.id,
                    }
                )
        if values:
            self.create(values)
        return dossiers
