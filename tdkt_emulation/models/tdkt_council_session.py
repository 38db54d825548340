from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .tdkt_council_attendance import ATTENDANCE
from .tdkt_workflow_mixin import GROUP_COUNCIL, GROUP_OFFICE, Transition

VOTE_CHOICES = ("agree", "disagree", "abstain")

SESSION_STATES = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("closed", "Closed"),
]
# Fields only the lifecycle and the session's own methods write.
SESSION_SYSTEM_FIELDS = {
    "proposal_ids",
    "secret_ballot",
    "ballots_issued",
    "ballots_returned",
    "ballots_valid",
    "ballots_invalid",
    "closed_date",
}


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
        string="Meeting Time",
        required=True,
        tracking=True,
        default=lambda self: fields.Datetime.now(),
    )
    place = fields.Char(string="Venue", tracking=True)
    plan_task_id = fields.Many2one(
        "tdkt.plan.task",
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
        compute="_compute_officers",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('council_id', '=', council_id)]",
        help="Who chairs this session: the council's chair, or who stands in.",
    )
    secretary_id = fields.Many2one(
        "tdkt.council.member",
        compute="_compute_officers",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('council_id', '=', council_id)]",
    )
    note = fields.Text()
    attendance_ids = fields.One2many("tdkt.council.attendance", "session_id")
    present_count = fields.Integer(
        compute="_compute_attendance_counts", string="Present Members"
    )
    member_count = fields.Integer(
        compute="_compute_attendance_counts", string="Members of the Council"
    )
    proposal_count = fields.Integer(compute="_compute_proposal_count")
    # Written when the session closes (the vote-count block of the minutes).
    secret_ballot = fields.Boolean(
        readonly=True,
        copy=False,
        help="Some proposals were voted by secret ballot: their ballots were "
        "counted at the closing, then only the counts and who took part kept.",
    )
    ballots_issued = fields.Integer(readonly=True, copy=False)
    ballots_returned = fields.Integer(readonly=True, copy=False)
    ballots_valid = fields.Integer(readonly=True, copy=False)
    ballots_invalid = fields.Integer(readonly=True, copy=False)
    my_attendance = fields.Selection(ATTENDANCE, compute="_compute_my_attendance")
    closed_date = fields.Datetime(
        string="Closed At", readonly=True, copy=False, help="When the meeting ended."
    )
    minutes_ids = fields.One2many("tdkt.council.minutes", "session_id")
    can_prepare = fields.Boolean(
        compute="_compute_can_prepare",
        help="Whether the user prepares the session and its minutes: the "
        "Office, or its chair or secretary.",
    )

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

    @api.depends("attendance_ids.status", "council_id.member_ids")
    def _compute_attendance_counts(self):
        for session in self:
            session.member_count = len(session.council_id.member_ids)
            session.present_count = len(
                session.attendance_ids.filtered(lambda a: a.status == "present")
            )

    @api.depends("proposal_ids")
    def _compute_proposal_count(self):
        for session in self:
            session.proposal_count = len(session.proposal_ids)

    @api.depends("attendance_ids.status")
    @api.depends_context("uid")
    def _compute_my_attendance(self):
        for session in self:
            mine = session.attendance_ids.filtered(lambda a: a.user_id == self.env.user)
            session.my_attendance = mine[:1].status

    @api.depends("chair_id", "secretary_id")
    @api.depends_context("uid")
    def _compute_can_prepare(self):
        for session in self:
            session.can_prepare = session._tdkt_is_preparer()

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

    # --- CRUD ----
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
        sessions = super().create(vals_list)
        sessions.filtered(lambda s: not s.attendance_ids)._tdkt_take_roll()
        return sessions

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
                self._tdkt_check_draft(
                    self.env._("its date, place and officers no longer change.")
                )
        if vals:
            super().write(vals)
        if "council_id" in vals:
            self.attendance_ids.sudo().unlink()  # sudo: checked above (draft)
            self._tdkt_take_roll()
        if new_state is not None:
            self._tdkt_write_state_change(new_state)
        return True

    def unlink(self):
        if not self.env.su:
            self._tdkt_check_group(GROUP_OFFICE, self.env._("delete a council session"))
        return super().unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_opened(self):
        self._tdkt_check_draft(self.env._("it is kept."))

    def _tdkt_agenda_message(self):
        return self.env._(
            "The agenda of a council session is set with its buttons: take the "
            "proposals under council review."
        )

    # --- who may do what ----
    def _tdkt_is_officer(self, user=None):
        """Whether ``user`` chairs or is the secretary of this session."""
        self.ensure_one()
        user = user or self.env.user
        return user in (self.chair_id.user_id | self.secretary_id.user_id)

    def _tdkt_allowed_rows(self):
        """Open and Close show to the session's chair and secretary only
        (``_tdkt_check_officer`` checks it again on the server)."""
        rows = super()._tdkt_allowed_rows()
        if self.env.su or self._tdkt_is_officer():
            return rows
        return [row for row in rows if row.action not in ("open", "close")]

    def _tdkt_is_preparer(self):
        """Whether the user prepares this session (and its minutes): the
        Office, or the session's chair or secretary."""
        self.ensure_one()
        return (
            self.env.su
            or self.env.user.has_group(GROUP_OFFICE)
            or self._tdkt_is_officer()
        )

    def _tdkt_check_preparer(self):
        """The Office, or the session's chair or secretary, prepare it."""
        for session in self:
            if not session._tdkt_is_preparer():
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

    def _tdkt_check_roll_editable(self):
        """The roll is taken by the Office, the chair or the secretary, while
        the session is a draft."""
        self._tdkt_check_preparer()
        self._tdkt_check_draft(self.env._("who attends no longer changes."))

    def _tdkt_check_draft(self, consequence):
        """Refuse once a session has opened; ``consequence`` says what no
        longer changes."""
        for session in self:
            if session.state != "draft":
                raise UserError(
                    self.env._(
                        "'%(session)s' has opened: %(consequence)s",
                        session=session.name,
                        consequence=consequence,
                    )
                )

    def _tdkt_check_agenda_editable(self):
        self._tdkt_check_preparer()
        self._tdkt_check_draft(self.env._("its agenda no longer changes."))

    # --- roll and agenda ----
    def _tdkt_take_roll(self):
        """One attendance line per member of the council, present by default."""
        values = [
            {"session_id": session.id, "member_id": member.id}
            for session in self
            for member in session.council_id.member_ids
        ]
        # sudo: the roll follows the council; the session's preparer was
        # checked by create() or write().
        self.env["tdkt.council.attendance"].sudo().create(values)

    def action_take_proposals(self):
        """Put on the agenda every proposal of the agency under council
        review that no other session holds."""
        self._tdkt_check_agenda_editable()
        for session in self:
            proposals = self.env["tdkt.award.proposal"].search(
                [
                    ("company_id", "=", session.company_id.id),
                    ("state", "=", "council"),
                    "|",
                    ("council_session_id", "=", False),
                    ("council_session_id.state", "=", "closed"),
                ]
            )
            if not proposals:
                raise UserError(
                    self.env._(
                        "No proposal of %(agency)s is under council review: the "
                        "Office sends the dossiers to the council first.",
                        agency=session.company_id.name,
                    )
                )
            session._tdkt_add_to_agenda(proposals)
        return True

    def _tdkt_add_to_agenda(self, proposals):
        """Put ``proposals`` on this session's agenda, or refuse all of them."""
        self.ensure_one()
        failing = proposals.filtered(
            lambda p: p.eligibility == "fail" and not p.is_overridden
        )
        if failing:
            raise UserError(
                self.env._(
                    "These proposals do not meet the conditions and the Chief "
                    "did not let them go on: %(proposals)s. The Chief overrides "
                    "them with a reason, or the Office returns them to their "
                    "unit; then take the proposals again.",
                    proposals="; ".join(failing.mapped("display_name")),
                )
            )
        for proposal in proposals:
            if proposal.state != "council" or proposal.company_id != self.company_id:
                raise UserError(
                    self.env._(
                        "'%(proposal)s' is not under the review of this council.",
                        proposal=proposal.display_name,
                    )
                )
        # sudo: the agenda is refused to a client's write(); the preparer
        # and each proposal were checked above.
        proposals.sudo().write({"council_session_id": self.id})

    def _tdkt_remove_from_agenda(self, proposals):
        proposals.council_session_id._tdkt_check_agenda_editable()
        # sudo: the agenda is refused to a client's write(); checked above.
        proposals.sudo().write({"council_session_id": False})

    def action_open_agenda(self):
        """The agenda as cards with the vote buttons (also on a phone)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Agenda"),
            "res_model": "tdkt.award.proposal",
            "view_mode": "kanban,list,form",
            "views": [
                (
                    self.env.ref(
                        "tdkt_emulation.tdkt_award_proposal_view_kanban_vote"
                    ).id,
                    "kanban",
                ),
                (
                    self.env.ref(
                        "tdkt_emulation.tdkt_award_proposal_view_list_vote"
                    ).id,
                    "list",
                ),
                (False, "form"),
            ],
            "domain": [("council_session_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_prepare_decision(self):
        """A decision on the approved proposals of this closed session
        (the decision checks the Office's right when created)."""
        self.ensure_one()
        if self.state != "closed":
            raise UserError(
                self.env._(
                    "'%(session)s' has not closed: a decision follows the "
                    "council's vote.",
                    session=self.name,
                )
            )
        years = self.proposal_ids.mapped("year")
        vals = {"company_id": self.company_id.id, "council_session_id": self.id}
        if years:
            vals["year"] = max(years)
        decision = self.env["tdkt.award.decision"].create(vals)
        return {
            "type": "ir.actions.act_window",
            "res_model": "tdkt.award.decision",
            "res_id": decision.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_record_written_opinion(self):
        """The dialog in which the secretary records an absent member's
        written opinion (checked again when recorded)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record a Written Opinion"),
            "res_model": "tdkt.council.written.opinion.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_session_id": self.id,
                "default_proposal_ids": self.proposal_ids.ids,
            },
        }

    # --- the rules of the session ----
    def _tdkt_rule_date(self):
        self.ensure_one()
        return fields.Datetime.context_timestamp(self, self.date).date()

    def _tdkt_rules(self, proposals=None):
        """The rule of each award type of the agenda: ``{type id: rule}``;
        refuses when a type has none."""
        self.ensure_one()
        proposals = self.proposal_ids if proposals is None else proposals
        awards = proposals.award_type_id
        rules = self.env["tdkt.council.rule"]._tdkt_rules_for(
            self.council_id, awards, self._tdkt_rule_date()
        )
        missing = awards.filtered(lambda a: a.id not in rules)
        if missing:
            raise UserError(
                self.env._(
                    "No voting rule holds on %(date)s for: %(awards)s. The "
                    "Office adds the agency's rule first.",
                    date=self._tdkt_rule_date().strftime("%d/%m/%Y"),
                    awards=", ".join(missing.mapped("name")),
                )
            )
        return rules

    def _tdkt_check_quorum(self):
        """Enough members present for the strictest rule of the agenda."""
        for session in self:
            rules = session._tdkt_rules().values()
            needed = max(
                (rule._tdkt_quorum(session.member_count) for rule in rules), default=0
            )
            if session.present_count < needed:
                raise UserError(
                    self.env._(
                        "'%(session)s' has no quorum: %(present)s of the "
                        "%(members)s members are present, %(needed)s must be.",
                        session=session.name,
                        present=session.present_count,
                        members=session.member_count,
                        needed=needed,
                    )
                )

    # --- the vote ----
    def _tdkt_vote(self, proposal, choice):
        """The current user votes ``choice`` on ``proposal`` of this open
        session: a present member of the council, not the nominee (nor, when
        the rule says so, of the collective proposed). Voting again replaces
        the vote."""
        self.ensure_one()
        member = self.council_id.member_ids.filtered(
            lambda m: m.user_id == self.env.user
        )
        if not member:
            raise AccessError(
                self.env._(
                    "You do not sit on '%(council)s': only its members vote.",
                    council=self.council_id.name,
                )
            )
        status = self._tdkt_attendance_of(member)
        if status != "present":
            raise AccessError(
                self.env._(
                    "You are marked absent from '%(session)s': only the members "
                    "present vote (the secretary records a written opinion).",
                    session=self.name,
                )
            )
        self._tdkt_cast(member, proposal, choice, written=False)

    def _tdkt_vote_as(self, votes):
        """Each ``(user id, proposal id, choice)`` of ``votes`` cast by that
        user through ``_tdkt_vote`` (all its checks): the demo data's votes."""
        self.ensure_one()
        Proposal = self.env["tdkt.award.proposal"]
        for user_id, proposal_id, choice in votes:
            user = self.env["res.users"].browse(user_id)
            self.with_user(user)._tdkt_vote(
                Proposal.with_user(user).browse(proposal_id), choice
            )
        return True

    def _tdkt_attendance_of(self, member):
        """Whether ``member`` attends this session (present, absent…)."""
        self.ensure_one()
        return self.attendance_ids.filtered(lambda a: a.member_id == member).status

    def _tdkt_record_written(self, member, proposals, choice):
        """The secretary records the written opinion of an absent member."""
        self.ensure_one()
        if not (self.env.su or self.env.user == self.secretary_id.user_id):
            raise AccessError(
                self.env._(
                    "Only the secretary of '%(session)s' records the written "
                    "opinions of absent members.",
                    session=self.name,
                )
            )
        status = self._tdkt_attendance_of(member)
        if member.council_id != self.council_id or status != "absent_written":
            raise UserError(
                self.env._(
                    "'%(member)s' is not marked absent with a written opinion "
                    "in '%(session)s'.",
                    member=member.user_id.name,
                    session=self.name,
                )
            )
        for proposal in proposals:
            self._tdkt_cast(member, proposal, choice, written=True)

    def _tdkt_cast(self, member, proposal, choice, written):
        """Check and keep one vote: one row per member and proposal, kept
        whatever the number of concurrent votes (upsert on the unique key)."""
        self.ensure_one()
        if choice not in VOTE_CHOICES:
            raise UserError(self.env._("Vote 'agree', 'disagree' or 'abstain'."))
        self._tdkt_serialise_votes(member)
        if self.state != "open":
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "'%(session)s' is %(state)s: votes are cast while it is open.",
                    session=self.name,
                    state=states[self.state].lower(),
                )
            )
        if proposal.council_session_id != self or proposal.state != "council":
            raise UserError(
                self.env._(
                    "'%(proposal)s' is not on the agenda of '%(session)s'.",
                    proposal=proposal.display_name,
                    session=self.name,
                )
            )
        if proposal.user_id and proposal.user_id == member.user_id:
            raise UserError(
                self.env._(
                    "'%(proposal)s' names %(member)s: a member does not vote on "
                    "their own proposal.",
                    proposal=proposal.display_name,
                    member=member.user_id.name,
                )
            )
        rule = self._tdkt_rules(proposal)[proposal.award_type_id.id]
        # sudo: the member's department is compared, not shown; council
        # members may not read HR records.
        department = member.employee_id.sudo().department_id
        if (
            rule.exclude_own_unit
            and proposal.nominee_unit_id
            and department
            # sudo: the collective's departments, compared (see above)
            and department in proposal.nominee_unit_id.sudo().department_ids
        ):
            raise UserError(
                self.env._(
                    "'%(proposal)s' proposes the unit %(member)s works in: under "
                    "'%(rule)s' a member does not vote on their own unit.",
                    proposal=proposal.display_name,
                    member=member.user_id.name,
                    rule=rule.name,
                )
            )
        self.env["tdkt.council.ballot"].flush_model()
        # One statement: the unique key keeps one vote per member and
        # proposal under concurrent clicks; a second vote replaces the first.
        self.env.cr.execute(
            """
            INSERT INTO tdkt_council_ballot (
                session_id, company_id, proposal_id, member_id, user_id,
                choice, is_written, is_secret,
                create_uid, create_date, write_uid, write_date
            )
            VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, now() at time zone 'UTC',
                    %s, now() at time zone 'UTC')
            ON CONFLICT (session_id, proposal_id, member_id) DO UPDATE
               SET choice = EXCLUDED.choice,
                   is_written = EXCLUDED.is_written,
                   is_secret = EXCLUDED.is_secret,
                   write_uid = EXCLUDED.write_uid,
                   write_date = EXCLUDED.write_date
            """,
            (
                self.id,
                self.company_id.id,
                proposal.id,
                member.id,
                member.user_id.id,
                choice,
                written,
                rule.ballot == "secret",
                self.env.uid,
                self.env.uid,
            ),
        )
        self.env["tdkt.council.ballot"].invalidate_model()
        proposal.invalidate_recordset(["my_vote"])

    def _tdkt_serialise_votes(self, member=None):
        """Write the attendance row of ``member`` (a vote) or all of them
        (the closing) before anything else, so that a vote and the closing
        never both succeed unseen by each other. Under REPEATABLE READ the
        later of the two, whose snapshot misses the other's commit (a vote
        while the tally runs, a vote that read the session still open), fails
        to serialise and is run again (as every RPC call is): no ballot lands
        after the tally, a vote arriving after the closing is refused. Votes of
        different members write different rows and do not wait for each
        other."""
        attendance = self.env["tdkt.council.attendance"]
        attendance.flush_model()
        condition = SQL("session_id IN %s", tuple(self.ids))
        if member:
            condition = SQL("%s AND member_id = %s", condition, member.id)
        self.env.cr.execute(
            SQL(
                "UPDATE tdkt_council_attendance"
                " SET write_date = now() at time zone 'UTC' WHERE %s",
                condition,
            )
        )
        attendance.invalidate_model(["write_date"])

    # --- lifecycle ----
    def _tdkt_action_label(self, action):
        if action == "open":
            return self.env._("open")
        if action == "close":
            return self.env._("close")
        return super()._tdkt_action_label(action)

    def _tdkt_check_open(self):
        self._tdkt_check_officer(self.env._("open"))
        for session in self:
            if not session.proposal_ids:
                raise UserError(
                    self.env._(
                        "'%(session)s' has nothing on its agenda: take the "
                        "proposals under council review first.",
                        session=session.name,
                    )
                )
        self._tdkt_check_quorum()

    def _tdkt_check_close(self):
        """The chair or the secretary closes a session that has its quorum
        and a result for every proposal (a tie under a re-vote rule is voted
        again first). Nothing changes when it cannot close."""
        self._tdkt_check_officer(self.env._("close"))
        self._tdkt_serialise_votes()
        self._tdkt_check_quorum()
        for session in self:
            tally = session._tdkt_tally()
            ties = session.proposal_ids.filtered(
                lambda p, t=tally: t[p.id]["result"] == "revote"
            )
            if ties:
                raise UserError(
                    self.env._(
                        "The vote is tied on %(proposals)s: under the session's "
                        "rule the members vote again before the session closes.",
                        proposals=", ".join(ties.mapped("display_name")),
                    )
                )

    def _tdkt_tally(self):
        """``{proposal id: result}`` of the agenda under each proposal's rule
        (see ``tdkt.council.rule._tdkt_judge``), from the ballots' counts. The
        same number of queries for 5 proposals as for 500."""
        self.ensure_one()
        proposals = self.proposal_ids
        rules = self._tdkt_rules(proposals)
        votes = defaultdict(dict)
        written = defaultdict(dict)
        # sudo: counts only, never who chose what (a secret ballot is
        # readable by its voter alone); the closing officer was checked.
        groups = (
            self.env["tdkt.council.ballot"]
            .sudo()  # sudo: counts only (see above)
            ._read_group(
                [("session_id", "=", self.id)],
                ["proposal_id", "choice", "is_written"],
                ["__count"],
            )
        )
        for proposal, choice, is_written, count in groups:
            (written if is_written else votes)[proposal.id][choice] = count
        members, present = self.member_count, self.present_count
        return {
            proposal.id: rules[proposal.award_type_id.id]._tdkt_judge(
                members, present, votes[proposal.id], written[proposal.id]
            )
            for proposal in proposals
        }

    def _tdkt_hand_off(self, row, reason):
        result = super()._tdkt_hand_off(row, reason)
        if row.action == "close":
            # sudo: a system field of the closed session (the minutes' end)
            self.sudo().write({"closed_date": fields.Datetime.now()})
            self._tdkt_apply_tally()
        return result

    def _tdkt_apply_tally(self):
        """Write each proposal's result, approve or reject it through its
        table, then, for secret ballots, keep the counts and who took part
        and delete who chose what."""
        self.ensure_one()
        tally = self._tdkt_tally()
        proposals = self.proposal_ids
        ids = proposals.ids
        # One statement for the whole agenda (values as parameters).
        self.env.cr.execute(
            """
            UPDATE tdkt_award_proposal p
               SET vote_agree = v.agree, vote_disagree = v.disagree,
                   vote_abstain = v.abstain, vote_base = v.base,
                   vote_percent_present = v.present,
                   vote_percent_members = v.members
              FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::int[]) AS agree,
                           unnest(%s::int[]) AS disagree,
                           unnest(%s::int[]) AS abstain,
                           unnest(%s::int[]) AS base,
                           unnest(%s::numeric[]) AS present,
                           unnest(%s::numeric[]) AS members) v
             WHERE p.id = v.id
            """,
            (
                ids,
                [tally[i]["agree"] for i in ids],
                [tally[i]["disagree"] for i in ids],
                [tally[i]["abstain"] for i in ids],
                [tally[i]["base"] for i in ids],
                [tally[i]["percent_present"] for i in ids],
                [tally[i]["percent_members"] for i in ids],
            ),
        )
        proposals.invalidate_recordset(
            [
                "vote_agree",
                "vote_disagree",
                "vote_abstain",
                "vote_base",
                "vote_percent_present",
                "vote_percent_members",
            ]
        )
        # sudo: the closing officer's right was checked; council members
        # only read proposals, and the result is the vote's, not theirs.
        for proposal in proposals.sudo():
            result = tally[proposal.id]
            proposal._tdkt_do(
                "vote_approve" if result["result"] == "approved" else "vote_reject",
                reason=self.env._(
                    "Council vote of %(session)s: %(agree)s for, %(disagree)s "
                    "against, %(abstain)s abstaining (%(members)s%% of all "
                    "members, %(present)s%% of those present).",
                    session=self.name,
                    agree=result["agree"],
                    disagree=result["disagree"],
                    abstain=result["abstain"],
                    members=result["percent_members"],
                    present=result["percent_present"],
                ),
            )
        self._tdkt_seal_secret_ballots()

    def _tdkt_seal_secret_ballots(self):
        """Once counted, a secret ballot keeps only the counts (on the
        proposals) and who took part (on the roll): the rows linking a
        member to a choice are deleted."""
        self.ensure_one()
        # sudo: the ballots are read for who took part and deleted; nobody
        # else can read or delete them.
        ballots = self.env["tdkt.council.ballot"].sudo()
        voted = ballots._read_group(
            [("session_id", "=", self.id), ("is_written", "=", False)],
            ["member_id"],
            ["__count"],
        )
        took_part = {member.id for member, _count in voted}
        voters = self.attendance_ids.filtered(lambda a: a.member_id.id in took_part)
        # sudo: the roll is written by the system once the session is closed
        voters.sudo().write({"has_voted": True})  # sudo: see above
        secret = ballots.search(
            [("session_id", "=", self.id), ("is_secret", "=", True)]
        )
        secret_voters = set(secret.filtered(lambda b: not b.is_written).member_id.ids)
        if secret:
            issued = self.present_count
            # sudo: system fields of the closed session (see above)
            self.sudo().write(
                {
                    "secret_ballot": True,
                    "ballots_issued": issued,
                    "ballots_returned": len(secret_voters),
                    "ballots_valid": len(secret_voters),
                    "ballots_invalid": 0,
                }
            )
            secret.unlink()

    def action_open(self):
        return self._tdkt_do("open")

    # --- minutes ----
    def action_minutes(self):
        """The session's minutes, made from it on the first click."""
        self.ensure_one()
        minutes = self.minutes_ids[:1]
        if not minutes:
            minutes = self.env["tdkt.council.minutes"].create({"session_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "tdkt.council.minutes",
            "res_id": minutes.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _tdkt_minutes_citation(self):
        """'Biên bản họp Hội đồng … số 03/BB-TTr ngày 20/12/2024' once the
        session's minutes are issued, else '' (also for no session)."""
        # sudo: a document citing the session prints the minutes' number and
        # date only, whoever prints it.
        minutes = self.sudo().minutes_ids.filtered(lambda m: m.state == "issued")
        return minutes[:1]._tdkt_citation_text() if minutes else ""

    def action_close(self):
        return self._tdkt_do("close")
