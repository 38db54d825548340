from odoo import api, fields, models
from odoo.exceptions import UserError

from .tdkt_award_dossier import award_list_sections
from .tdkt_official_document_mixin import (
    DEFAULT_TRANSITIONS,
    GROUP_OFFICE,
    TdktOfficialDocumentMixin,
    Transition,
)

ADDRESSEE_KINDS = [
    ("province", "Provincial People's Committee (Department of Home Affairs)"),
    ("inspectorate", "Government Inspectorate (Personnel Department)"),
    ("cluster", "Emulation Cluster"),
    ("other", "Other (typed below)"),
]
# The higher level's decision: written on an issued submission by the Office
# only (see write), then recorded with its button.
# The default title: 'Đề nghị khen thưởng năm 2024'.
DEFAULT_NAME_PREFIX = "Đề nghị khen thưởng năm "
HIGHER_DECISION_FIELDS = {
    "higher_decision_number",
    "higher_decision_date",
    "higher_decision_issuer",
}


class TdktAwardSubmission(models.Model):
    """Submission upward (Tờ trình đề nghị khen thưởng) of the proposals
    beyond the agency's authority that its council approved.

    The Office prepares it from a closed council session, the Chief issues
    it (which forwards its proposals) and the Office later records the
    higher level's decision on it, which confers the proposals it names
    (award history). A proposal the higher level did not confer stays
    forwarded; its line says so, with the note the Office writes.
    """

    _name = "tdkt.award.submission"
    _description = "Award Submission Upward"
    _inherit = ["tdkt.official.document.mixin"]
    _order = "year desc, issue_date desc, id desc"
    _tdkt_document_type = "TTr"
    _tdkt_print_prefix = "TTr"
    _tdkt_citation_label = "Tờ trình"
    _tdkt_report = "tdkt_emulation.action_report_tdkt_award_submission"
    _tdkt_states = ("draft", "submitted", "issued", "decided", "cancelled")
    _tdkt_signed_states = ("issued", "decided")
    _tdkt_locked_states = ("issued", "decided", "cancelled")
    _tdkt_lock_free_fields = tuple(sorted(HIGHER_DECISION_FIELDS))
    # An issued submission has left the agency with its proposals forwarded:
    # it is not withdrawn here (the higher level's decision says what came
    # of each proposal).
    _tdkt_base_transitions = tuple(
        row
        for row in DEFAULT_TRANSITIONS
        if not (row.action == "cancel" and "issued" in row.from_states)
    )
    _tdkt_extra_transitions = (
        Transition(
            "record_decision",
            ("issued",),
            "decided",
            GROUP_OFFICE,
            "_tdkt_check_higher_decision",
        ),
    )
    _tdkt_text_limits = {
        **TdktOfficialDocumentMixin._tdkt_text_limits,
        "addressee_lines": 1000,
        "higher_decision_number": 60,
        "higher_decision_issuer": 200,
    }

    state = fields.Selection(
        selection_add=[("decided", "Higher Decision Recorded"), ("closed",)],
        ondelete={"decided": "set default"},
    )
    company_id = fields.Many2one(default=lambda self: self.env.company)
    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, precompute=True
    )
    year = fields.Integer(default=lambda self: fields.Date.context_today(self).year)
    council_session_id = fields.Many2one(
        "tdkt.council.session",
        index=True,
        check_company=True,
        ondelete="restrict",
        tracking=True,
        domain="[('state', '=', 'closed')]",
        help="The closed council session whose minutes approved the proposals; "
        "the submission cites its minutes.",
    )
    line_ids = fields.One2many(
        "tdkt.award.submission.line", "submission_id", string="Proposals"
    )
    individual_count = fields.Integer(compute="_compute_counts", string="Individuals")
    collective_count = fields.Integer(compute="_compute_counts", string="Collectives")
    addressee_kind = fields.Selection(
        ADDRESSEE_KINDS,
        string="Submitted To",
        required=True,
        default="province",
        tracking=True,
    )
    cluster_id = fields.Many2one(
        "tdkt.cluster",
        check_company=True,
        help="The emulation cluster the proposals are submitted to.",
    )
    addressee_lines = fields.Text(
        string="Kính gửi",
        compute="_compute_addressee_lines",
        store=True,
        readonly=False,
        precompute=True,
        help="One addressee per line, as printed after 'Kính gửi:'.",
    )
    higher_decision_number = fields.Char(
        string="Higher Decision No.", tracking=True, help="e.g. 120/QĐ-UBND"
    )
    higher_decision_date = fields.Date(tracking=True)
    higher_decision_issuer = fields.Char(
        string="Higher Decision Issued By",
        compute="_compute_higher_decision_issuer",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Who signed the higher level's decision, e.g. 'Chủ tịch UBND tỉnh'.",
    )

    # --- computes ---------------------------------------------------------------
    @api.depends("year")
    def _compute_name(self):
        for submission in self:
            name = submission.name
            if not name or name.startswith(DEFAULT_NAME_PREFIX):
                # A title typed by the Office stays; the default follows the year.
                name = f"{DEFAULT_NAME_PREFIX}{submission.year or ''}"
            submission.name = name

    @api.depends("line_ids.subject")
    def _compute_counts(self):
        for submission in self:
            subjects = submission.line_ids.mapped("subject")
            submission.individual_count = subjects.count("individual")
            submission.collective_count = subjects.count("collective")

    @api.onchange("council_session_id")
    def _onchange_council_session_id(self):
        """The year of the proposals the session reviewed."""
        years = self.council_session_id.proposal_ids.mapped("year")
        if years:
            self.year = max(years)

    def _tdkt_province_name(self):
        return (self.place or self.company_id.tdkt_place_name or "").strip()

    @api.depends("addressee_kind", "cluster_id", "company_id")
    def _compute_addressee_lines(self):
        """The addressees of the kind chosen: the decider, then the body that
        appraises the proposals for it."""
        for submission in self:
            province = submission._tdkt_province_name()
            where = f" tỉnh {province}" if province else ""
            lines = {
                "province": [
                    f"Ủy ban nhân dân{where}",
                    f"Sở Nội vụ{where} (Ban Thi đua - Khen thưởng)",
                ],
                "inspectorate": [
                    "Thanh tra Chính phủ",
                    "Vụ Tổ chức cán bộ, Thanh tra Chính phủ",
                ],
                "cluster": submission.cluster_id.mapped("name"),
            }.get(submission.addressee_kind, [])
            submission.addressee_lines = "\n".join(lines) or False

    @api.depends("addressee_kind", "company_id")
    def _compute_higher_decision_issuer(self):
        for submission in self:
            province = submission._tdkt_province_name()
            submission.higher_decision_issuer = {
                "province": f"Chủ tịch UBND tỉnh {province}".strip(),
                "inspectorate": "Tổng Thanh tra Chính phủ",
            }.get(submission.addressee_kind, False)

    # --- CRUD ---------------------------------------------------------------------
    def write(self, vals):
        if HIGHER_DECISION_FIELDS & set(vals) and not self.env.su:
            self._tdkt_check_group(
                GROUP_OFFICE, self.env._("record the higher level's decision")
            )
            for submission in self:
                if submission.state != "issued":
                    raise UserError(
                        self.env._(
                            "The higher level's decision is recorded on an issued "
                            "submission that has none yet: '%(submission)s' is not.",
                            submission=submission.display_name,
                        )
                    )
        return super().write(vals)

    # --- the proposals --------------------------------------------------------------
    def action_take_proposals(self):
        """Take the approved proposals beyond the agency's authority of the
        cited council session that no other submission holds."""
        self._tdkt_check_group(GROUP_OFFICE, self.env._("prepare a submission"))
        self.check_access("write")
        self._tdkt_check_editable()
        for submission in self:
            session = submission._tdkt_check_session()
            taken = self.env["tdkt.award.submission.line"]._tdkt_taken_proposals()
            proposals = self.env["tdkt.award.proposal"].search(
                [
                    ("council_session_id", "=", session.id),
                    ("state", "=", "approved"),
                    ("award_type_id.conferring_level", "!=", "unit"),
                    ("year", "=", submission.year),
                    ("id", "not in", list(taken)),
                ]
            )
            if not proposals:
                raise UserError(
                    self.env._(
                        "'%(session)s' approved no proposal of %(year)s beyond the "
                        "authority of the head of the agency that is not already "
                        "in a submission.",
                        session=session.name,
                        year=submission.year,
                    )
                )
            last = max(submission.line_ids.mapped("sequence"), default=0)
            ordered = proposals.sorted(
                lambda p: (
                    p.subject != "individual",
                    p.award_type_id.sequence,
                    p.award_type_id.id,
                    p.nominee_name or "",
                )
            )
            self.env["tdkt.award.submission.line"].create(
                [
                    {
                        "submission_id": submission.id,
                        "proposal_id": proposal.id,
                        "sequence": last + index,
                    }
                    for index, proposal in enumerate(ordered, start=1)
                ]
            )
            levels = set(submission.line_ids.mapped("award_type_id.conferring_level"))
            if levels == {"sector"} and submission.addressee_kind == "province":
                submission.addressee_kind = "inspectorate"
        return True

    def _tdkt_check_session(self):
        """The cited council session, closed."""
        self.ensure_one()
        session = self.council_session_id
        if not session or session.state != "closed":
            raise UserError(
                self.env._(
                    "'%(submission)s' must cite the council session that approved "
                    "its proposals, once closed: its minutes are the basis of the "
                    "submission.",
                    submission=self.display_name,
                )
            )
        return session

    # --- lifecycle --------------------------------------------------------------------
    def _tdkt_check_ready(self):
        result = super()._tdkt_check_ready()
        for submission in self:
            submission._tdkt_check_session()
            if not submission.line_ids:
                raise UserError(
                    self.env._(
                        "'%(submission)s' proposes nothing: take the approved "
                        "proposals of its council session first.",
                        submission=submission.display_name,
                    )
                )
            if not submission._tdkt_print_addressees():
                raise UserError(
                    self.env._(
                        "Say to whom '%(submission)s' is submitted (Kính gửi).",
                        submission=submission.display_name,
                    )
                )
            submission.line_ids._tdkt_check_proposals()
        return result

    def _tdkt_check_higher_decision(self):
        for submission in self:
            if not (
                (submission.higher_decision_number or "").strip()
                and submission.higher_decision_date
                and (submission.higher_decision_issuer or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "Give the number, the date and the issuer of the higher "
                        "level's decision on '%(submission)s' before recording it.",
                        submission=submission.display_name,
                    )
                )
            if (
                submission.issue_date
                and submission.higher_decision_date < submission.issue_date
            ):
                raise UserError(
                    self.env._(
                        "The higher level's decision cannot be dated before the "
                        "submission it answers (%(date)s).",
                        date=submission.issue_date.strftime("%d/%m/%Y"),
                    )
                )

    def _tdkt_post_transition(self, row, reason):
        result = super()._tdkt_post_transition(row, reason)
        if row.to_state == "issued":
            # Issuing sends the proposals upward: the only way they are
            # forwarded (the proposal's move is internal).
            self.line_ids.proposal_id._tdkt_do("forward")
        elif row.to_state == "decided":
            self._tdkt_confer_higher_decision()
        return result

    def _tdkt_confer_higher_decision(self):
        """The higher level's decision confers the proposals it names (award
        history, issuer level 'higher'); those it left out stay forwarded,
        with a note in their chatter."""
        self.ensure_one()
        conferred = self.line_ids.filtered("higher_conferred")
        conferred.proposal_id._tdkt_confer_awards(
            self.higher_decision_number.strip(),
            self.higher_decision_date,
            self.higher_decision_issuer.strip(),
            "higher",
        )
        for line in self.line_ids - conferred:
            line.proposal_id.message_post(
                body=self.env._(
                    "Not conferred by the higher level's decision %(decision)s "
                    "(submission %(submission)s). %(note)s",
                    decision=self.higher_decision_number,
                    submission=self.document_number,
                    note=line.higher_note or "",
                )
            )

    def _tdkt_action_label(self, action):
        if action == "record_decision":
            return self.env._("record the higher level's decision on")
        return super()._tdkt_action_label(action)

    def action_record_decision(self):
        return self._tdkt_do("record_decision")

    # --- printout ---------------------------------------------------------------------
    def _tdkt_print_addressees(self):
        self.ensure_one()
        return self._tdkt_print_paragraphs(self.addressee_lines)

    def _tdkt_print_agency(self):
        """The agency as a sentence names it: 'Thanh tra tỉnh'."""
        self.ensure_one()
        agency = " ".join(self._tdkt_print_agency_lines()[1])
        return agency.capitalize() if agency else self.company_id.name

    def _tdkt_print_minutes_basis(self):
        """'Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Thanh tra tỉnh
        ngày 20/12/2024.' from the cited session; its issued minutes' number
        and date once they exist."""
        self.ensure_one()
        session = self.council_session_id
        if not session:
            return ""
        cited = session._tdkt_minutes_citation()
        if cited:
            return f"Căn cứ {cited}."
        day = fields.Datetime.context_timestamp(self, session.date).strftime("%d/%m/%Y")
        return (
            "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng "
            f"{self._tdkt_print_agency()} ngày {day}."
        )

    @api.model
    def _tdkt_print_count_text(self, collectives, individuals):
        """'2 tập thể và 3 cá nhân', leaving out a kind with none."""
        parts = []
        if collectives:
            parts.append(f"{collectives} tập thể")
        if individuals:
            parts.append(f"{individuals} cá nhân")
        return " và ".join(parts)

    def _tdkt_print_counts(self):
        self.ensure_one()
        return self._tdkt_print_count_text(self.collective_count, self.individual_count)

    def _tdkt_print_award_counts(self):
        """[(title, '2 cá nhân')] by title, in the list's order."""
        self.ensure_one()
        rows = []
        for _label, groups in self._tdkt_print_list_sections():
            for award, lines in groups:
                subjects = [line.subject for line in lines]
                rows.append(
                    (
                        award.name,
                        self._tdkt_print_count_text(
                            subjects.count("collective"), subjects.count("individual")
                        ),
                    )
                )
        return rows

    def _tdkt_print_list_sections(self):
        """The attached list: I. Cá nhân, II. Tập thể, by title."""
        self.ensure_one()
        return award_list_sections(self.line_ids)

    def _tdkt_print_position(self, line):
        if line.subject == "collective":
            return self._tdkt_print_agency()
        return "; ".join(part for part in (line.job_title, line.unit_id.name) if part)

    def _tdkt_print_note(self, line):
        return ""

    def _tdkt_print_annex_template(self):
        return "tdkt_emulation.report_tdkt_award_submission_annex"

    def _tdkt_print_annex_reference(self):
        """'(Kèm theo Tờ trình số 15/TTr-TTr ngày 05/01/2025 của Thanh tra
        tỉnh)', blanks left for what is not given yet."""
        self.ensure_one()
        number = self.document_number if self.number else f"{'…' * 3}/{self.symbol}"
        day = self.issue_date.strftime("%d/%m/%Y") if self.issue_date else "…/…/…"
        return (
            f"(Kèm theo Tờ trình số {number} ngày {day} của "
            f"{self._tdkt_print_agency()})"
        )
