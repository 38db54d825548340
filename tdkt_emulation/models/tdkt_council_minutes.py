from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .tdkt_award_dossier import award_list_sections
from .tdkt_official_document_mixin import (
    DEFAULT_TRANSITIONS,
    GROUP_CHIEF,
    TdktOfficialDocumentMixin,
)
from .tdkt_workflow_mixin import GROUP_COUNCIL

# Roles as the minutes print them (fixed Vietnamese wording).
ROLE_LABELS = {
    "chair": "Chủ tịch Hội đồng",
    "vice_chair": "Phó Chủ tịch Hội đồng",
    "secretary": "Thư ký Hội đồng",
    "member": "Thành viên",
}
BALLOT_LABELS = {
    "show_of_hands": "biểu quyết giơ tay",
    "secret": "bỏ phiếu kín",
}


def day_text(moment):
    """'09 giờ 00, ngày 20/12/2024'."""
    return f"{moment.strftime('%H')} giờ {moment.strftime('%M')}, ngày " + (
        moment.strftime("%d/%m/%Y")
    )


class TdktCouncilMinutes(models.Model):
    """The minutes of a council session (Biên bản họp Hội đồng TĐKT, BB).

    Made from a closed session, one per session: its whole content (who
    attended, the method, each proposal's counts and result, the Chief's
    overrides, the vote-count block of a secret ballot) is read from the
    session, never typed; only a conclusion is free text. The Office or the
    session's secretary prepares it; the chair (or the Chief) issues it,
    which locks it. Secretary and chair both sign.
    """

    _name = "tdkt.council.minutes"
    _description = "Council Session Minutes"
    _inherit = ["tdkt.official.document.mixin"]
    _order = "year desc, issue_date desc, id desc"
    _rec_names_search = ["name", "document_number"]
    _tdkt_document_type = "BB"
    _tdkt_print_prefix = "BB"
    _tdkt_citation_label = "Biên bản họp Hội đồng Thi đua - Khen thưởng"
    _tdkt_report = "tdkt_emulation.action_report_tdkt_council_minutes"
    _tdkt_states = ("draft", "submitted", "issued", "cancelled")
    _tdkt_signed_states = ("issued",)
    _tdkt_locked_states = ("issued", "cancelled")
    _tdkt_base_transitions = DEFAULT_TRANSITIONS
    # The chair is a council member; _tdkt_check_move narrows it to the
    # session's chair or the Chief.
    _tdkt_issue_group = GROUP_COUNCIL
    _tdkt_text_limits = {
        **TdktOfficialDocumentMixin._tdkt_text_limits,
        "conclusion": 5000,
    }

    name = fields.Char(default="Biên bản họp Hội đồng Thi đua - Khen thưởng")
    session_id = fields.Many2one(
        "tdkt.council.session",
        string="Council Session",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('state', '=', 'closed')]",
    )
    council_id = fields.Many2one(related="session_id.council_id")
    # The form is read-only to whoever cannot write (write() checks it).
    can_prepare = fields.Boolean(compute="_compute_can_prepare")
    company_id = fields.Many2one(default=lambda self: self.env.company)
    year = fields.Integer(default=lambda self: fields.Date.context_today(self).year)
    end_date = fields.Datetime(
        string="Meeting Ended",
        compute="_compute_end_date",
        store=True,
        readonly=False,
        precompute=True,
        help="When the meeting ended: the session's closing by default.",
    )
    conclusion = fields.Text(
        help="Conclusions of the meeting, printed before its end (optional)."
    )

    _sql_constraints = [
        (
            "session_uniq",
            "unique(session_id)",
            "A council session has one set of minutes.",
        ),
    ]

    @api.depends("session_id")
    def _compute_end_date(self):
        for minutes in self:
            minutes.end_date = minutes.session_id.closed_date or False

    @api.depends("session_id.chair_id", "session_id.secretary_id")
    @api.depends_context("uid")
    def _compute_can_prepare(self):
        for minutes in self:
            minutes.can_prepare = minutes.session_id._tdkt_is_preparer()

    # --- who may do what --------------------------------------------------------
    @api.model
    def _tdkt_check_session(self, session):
        """Minutes are made from a closed session, by who prepares it."""
        if not session.exists():
            raise UserError(self.env._("Choose the council session of the minutes."))
        if session.state != "closed":
            raise UserError(
                self.env._(
                    "'%(session)s' is not closed yet: its minutes are made once "
                    "the vote is over.",
                    session=session.name,
                )
            )
        session._tdkt_check_preparer()
        # sudo: minutes of the session the user may not read count too.
        if session.sudo().minutes_ids:
            raise UserError(
                self.env._(
                    "'%(session)s' already has its minutes.", session=session.name
                )
            )

    def _tdkt_is_issuer(self):
        """Whether the user issues (and undoes an issue of) these minutes:
        the session's chair, or the Chief."""
        self.ensure_one()
        user = self.env.user
        return user == self.session_id.chair_id.user_id or user.has_group(GROUP_CHIEF)

    def _tdkt_allowed_rows(self):
        """Issuing (the rows of the issuing group) shows to the session's
        chair or the Chief only (``_tdkt_check_move`` checks it again)."""
        rows = super()._tdkt_allowed_rows()
        if rows and not self._tdkt_is_issuer():
            rows = [row for row in rows if row.group is not None]
        return rows

    def _tdkt_check_move(self, action):
        row = super()._tdkt_check_move(action)
        # Issuing (and undoing an issue): the session's chair or the Chief.
        if row.group is None and not self.env.su and not self._tdkt_is_issuer():
            raise AccessError(
                self.env._(
                    "Only the chair of '%(session)s' or the Chief may "
                    "%(action)s its minutes.",
                    session=self.session_id.name,
                    action=self._tdkt_action_label(action),
                )
            )
        return row

    def _tdkt_check_ready(self):
        result = super()._tdkt_check_ready()
        for minutes in self:
            session = minutes.session_id
            if not (session.chair_id and session.secretary_id):
                raise UserError(
                    self.env._(
                        "'%(session)s' has no chair or no secretary: both sign "
                        "the minutes.",
                        session=session.name,
                    )
                )
        return result

    # --- create / write ---------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Session = self.env["tdkt.council.session"]
        for vals in vals_list:
            session = Session.browse(vals.get("session_id"))
            self._tdkt_check_session(session)
            day = fields.Datetime.context_timestamp(session, session.date)
            vals.setdefault("company_id", session.company_id.id)
            vals.setdefault("year", day.year)
            chair = session.chair_id
            vals.setdefault("signer_id", chair.employee_id.id or False)
            vals.setdefault("signer_name", chair.user_id.name or False)
            vals.setdefault("signer_position", self._tdkt_chair_position(chair))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if "session_id" in vals:
                raise UserError(
                    self.env._("Minutes stay with the session they were made from.")
                )
            self.session_id._tdkt_check_preparer()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.session_id._tdkt_check_preparer()
        return super().unlink()

    @api.model
    def _tdkt_chair_position(self, chair):
        if chair.role == "chair":
            return "CHỦ TỊCH HỘI ĐỒNG"
        return "CHỦ TỌA"

    # --- printout ---------------------------------------------------------------
    def _tdkt_print_signers(self):
        """Two signers: the secretary on the left, the chair on the right."""
        self.ensure_one()
        session = self.session_id
        return [
            ("", "THƯ KÝ", session.secretary_id.user_id.name or ""),
            (
                self._tdkt_print_authority(),
                self._tdkt_print_signer_position(),
                self.signer_name or "",
            ),
        ]

    def _tdkt_print_agency(self):
        self.ensure_one()
        agency = " ".join(self._tdkt_print_agency_lines()[1])
        return agency.capitalize() if agency else self.company_id.name

    def _tdkt_print_opening(self):
        """'Vào lúc 09 giờ 00, ngày 20/12/2024, tại …, Hội đồng … họp …'."""
        self.ensure_one()
        session = self.session_id
        start = fields.Datetime.context_timestamp(self, session.date)
        place = session.place or self.place or ""
        return (
            f"Vào lúc {day_text(start)}, tại {place}, {session.council_id.name} "
            "họp xét thi đua, khen thưởng."
        )

    def _tdkt_print_attendance(self):
        """{status: ['name, position, role']} of the roll, in its order."""
        self.ensure_one()
        roll = {"present": [], "absent_written": [], "absent": []}
        for line in self.session_id.attendance_ids:
            member = line.member_id
            parts = [member.user_id.name, member.job_title, ROLE_LABELS[member.role]]
            roll[line.status].append(", ".join(part for part in parts if part))
        return roll

    def _tdkt_print_methods(self):
        """'biểu quyết giơ tay' and/or 'bỏ phiếu kín', from the agenda's rules."""
        self.ensure_one()
        kinds = {rule.ballot for rule in self.session_id._tdkt_rules().values()}
        return [
            BALLOT_LABELS[kind] for kind in ("show_of_hands", "secret") if kind in kinds
        ]

    def _tdkt_print_results(self):
        """award_list_sections of the agenda (I. Cá nhân, II. Tập thể)."""
        self.ensure_one()
        return award_list_sections(self.session_id.proposal_ids)

    def _tdkt_print_result_line(self, proposal):
        """'Nguyễn Văn A; Phòng X: 4 tán thành, 1 không tán thành, 1 không
        biểu quyết (66,67% tổng số thành viên) - Đạt'."""
        percent = f"{proposal.vote_percent_members:.2f}".replace(".", ",")
        unit = proposal.nominee_unit_id.name or proposal.unit_id.name or ""
        name = "; ".join(part for part in (proposal.nominee_name, unit) if part)
        result = "Không đạt" if proposal.state == "rejected" else "Đạt"
        return (
            f"{name}: {proposal.vote_agree} tán thành, {proposal.vote_disagree} "
            f"không tán thành, {proposal.vote_abstain} không biểu quyết "
            f"({percent}% tổng số thành viên) - {result}."
        )

    def _tdkt_print_overrides(self):
        """'Name (title): reason' of each proposal the Chief let go on."""
        self.ensure_one()
        return [
            f"{proposal.nominee_name} ({proposal.award_type_id.name}): "
            f"{(proposal.override_reason or '').strip()}"
            for proposal in self.session_id.proposal_ids.filtered("is_overridden")
        ]

    def _tdkt_print_closing(self):
        self.ensure_one()
        end = self.end_date or self.session_id.date
        moment = fields.Datetime.context_timestamp(self, end)
        return f"Cuộc họp kết thúc vào lúc {day_text(moment)}./."

    def _tdkt_citation_text(self):
        """'Biên bản họp Hội đồng Thi đua - Khen thưởng số 03/BB-TTr ngày
        20/12/2024', as a submission or a decision cites it."""
        self.ensure_one()
        day = self.issue_date.strftime("%d/%m/%Y") if self.issue_date else ""
        return f"{self._tdkt_citation_label} số {self.document_number} ngày {day}"
