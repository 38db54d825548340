from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from .tdkt_official_document_mixin import (
    DEFAULT_TRANSITIONS,
    GROUP_OFFICE,
    TdktOfficialDocumentMixin,
    Transition,
)

# Legal bases a decision cites, in the order of the law's hierarchy; their
# text and period are tdkt.legal.rule records of kind "citation".
CITATION_CODES = (
    "DECISION_BASIS_LAW",
    "DECISION_BASIS_DECREE",
    "DECISION_BASIS_CIRCULAR",
)


def vnd(amount):
    """1880000 -> '1.880.000'."""
    return f"{int(amount):,}".replace(",", ".")


class TdktAwardDecision(models.Model):
    """The agency's award decision (Quyết định khen thưởng).

    The Office prepares it from the proposals the council approved within the
    agency's authority (Law 2022, art. 80); only the Chief issues it, which
    decides the proposals and writes their award history, and only the Chief
    revokes it (Thu hồi), with a reason: the history is kept, marked revoked.
    """

    _name = "tdkt.award.decision"
    _description = "Award Decision"
    _inherit = ["tdkt.official.document.mixin"]
    _order = "year desc, issue_date desc, id desc"
    _rec_names_search = ["name", "document_number"]
    _tdkt_document_type = "QĐ"
    _tdkt_print_prefix = "QD"
    _tdkt_citation_label = "Quyết định"
    _tdkt_report = "tdkt_emulation.action_report_tdkt_award_decision"
    _tdkt_states = ("draft", "submitted", "issued", "cancelled")
    _tdkt_signed_states = ("issued",)
    _tdkt_locked_states = ("issued", "cancelled")
    # A revoked decision stays revoked: no way back to draft from it.
    _tdkt_base_transitions = tuple(
        row for row in DEFAULT_TRANSITIONS if row.action != "reset"
    ) + (Transition("reset", ("submitted",), "draft", GROUP_OFFICE),)
    _tdkt_text_limits = {
        **TdktOfficialDocumentMixin._tdkt_text_limits,
        "achievement": 500,
        "fund_text": 2000,
        "implementation_text": 2000,
    }

    company_id = fields.Many2one(default=lambda self: self.env.company)
    name = fields.Char(
        default=lambda self: (
            "Về việc khen thưởng thành tích năm "
            f"{fields.Date.context_today(self).year - 1}"
        ),
        help="Summary printed under 'QUYẾT ĐỊNH'.",
    )
    year = fields.Integer(
        default=lambda self: fields.Date.context_today(self).year - 1,
        help="The year the awards reward.",
    )
    council_session_id = fields.Many2one(
        "tdkt.council.session",
        check_company=True,
        domain="[('state', '=', 'closed')]",
        tracking=True,
        help="The closed session whose approved proposals the decision takes; "
        "empty: the approved proposals of the year.",
    )
    line_ids = fields.One2many(
        "tdkt.award.decision.line", "decision_id", string="Awards", copy=False
    )
    line_count = fields.Integer(compute="_compute_totals")
    amount_total = fields.Integer(
        string="Total Reward (VND)", compute="_compute_totals"
    )
    achievement = fields.Char(
        compute="_compute_texts",
        store=True,
        readonly=False,
        help="The ground printed in Article 1 and on the certificates, e.g. "
        "'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2024'.",
    )
    fund_text = fields.Text(
        string="Article 2",
        compute="_compute_texts",
        store=True,
        readonly=False,
        help="Where the reward comes from (the agency's emulation fund).",
    )
    implementation_text = fields.Text(
        string="Article 3",
        compute="_compute_texts",
        store=True,
        readonly=False,
        help="Who implements the decision.",
    )

    @api.depends("line_ids.amount")
    def _compute_totals(self):
        for decision in self:
            decision.line_count = len(decision.line_ids)
            decision.amount_total = sum(decision.line_ids.mapped("amount"))

    @api.depends("year", "company_id")
    def _compute_texts(self):
        for decision in self:
            agency = " ".join(decision._tdkt_print_agency_lines()[1]).capitalize()
            year = decision.year or ""
            decision.achievement = (
                "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ công tác năm "
                f"{year}"
            )
            decision.fund_text = (
                "Tiền thưởng kèm theo danh hiệu thi đua, hình thức khen thưởng tại "
                f"Điều 1 được trích từ Quỹ thi đua, khen thưởng của {agency}."
            )
            decision.implementation_text = (
                f"Chánh Văn phòng, Trưởng các phòng thuộc {agency} và các tập thể, "
                "cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."
            )

    # --- legal bases ------------------------------------------------------------
    def _tdkt_council(self, day):
        """The council of the agency in office on ``day``."""
        self.ensure_one()
        if self.council_session_id:
            return self.council_session_id.council_id
        return self.env["tdkt.council"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("date_from", "<=", day),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", day),
            ],
            order="date_from desc",
            limit=1,
        )

    def _tdkt_generated_bases(self):
        """The bases of the decision in the law's order: Law, decree and
        circular valid on its date, the agency's own regulation, the council's
        founding decision, the session's issued minutes; then 'Xét đề nghị
        của …'."""
        self.ensure_one()
        day = self.issue_date or fields.Date.context_today(self)
        Rule = self.env["tdkt.legal.rule"]
        bases = []
        for code in CITATION_CODES:
            rule = Rule._tdkt_rule(code, day)
            if rule:
                bases.append(rule.name)
        regulation = (self.company_id.tdkt_award_regulation or "").strip()
        if regulation:
            bases.append(regulation)
        council = self._tdkt_council(day)
        if council.founding_decision:
            bases.append(
                f"{council.founding_decision} về việc thành lập {council.name}"
            )
        # The session's issued minutes, cited by number and date.
        minutes = self.council_session_id._tdkt_minutes_citation()
        if minutes:
            bases.append(minutes)
        bases.append(self._tdkt_proposal_ground(council))
        return bases

    def _tdkt_proposal_ground(self, council):
        """'Xét đề nghị của …': the council (at its session) and the Office."""
        agency = " ".join(self._tdkt_print_agency_lines()[1]).capitalize()
        proposer = council.name or "Hội đồng Thi đua - Khen thưởng"
        # The council's own name usually carries the agency's already.
        if agency.lower() not in proposer.lower():
            proposer = f"{proposer} {agency}"
        session = self.council_session_id
        if session:
            day = fields.Datetime.context_timestamp(session, session.date)
            proposer += f" tại cuộc họp ngày {day.strftime('%d/%m/%Y')}"
        return f"Xét đề nghị của {proposer} và Chánh Văn phòng {agency}."

    def action_generate_legal_bases(self):
        """Replace the legal bases by those of the decision's period (before
        issue; each stays editable afterwards)."""
        self._tdkt_check_group(GROUP_OFFICE, self.env._("prepare a decision"))
        for decision in self:
            decision._tdkt_check_editable()
            decision.write(
                {
                    "legal_basis_ids": [(5, 0, 0)]
                    + [
                        (0, 0, {"sequence": index, "name": text})
                        for index, text in enumerate(decision._tdkt_generated_bases())
                    ]
                }
            )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        decisions = super().create(vals_list)
        for decision, vals in zip(decisions, vals_list, strict=True):
            if "legal_basis_ids" not in vals:
                decision.action_generate_legal_bases()
            if "recipient_ids" not in vals:
                decision.write(
                    {
                        "recipient_ids": [
                            (0, 0, {"sequence": 1, "name": "Như Điều 3;"}),
                            (0, 0, {"sequence": 2, "name": "Lưu: VT, VP."}),
                        ]
                    }
                )
        return decisions

    # --- the awards -------------------------------------------------------------
    def _tdkt_candidates(self):
        """Approved proposals within the agency's authority, of the session
        (or the year), in no other decision."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "approved"),
            ("award_type_id.conferring_level", "=", "unit"),
        ]
        if self.council_session_id:
            domain.append(("council_session_id", "=", self.council_session_id.id))
        else:
            domain.append(("year", "=", self.year))
        proposals = self.env["tdkt.award.proposal"].search(domain)
        taken = self.env["tdkt.award.decision.line"]._tdkt_taken(proposals)
        return proposals.filtered(lambda p: p.id not in taken)

    def action_take_approved(self):
        """Add the approved proposals within the agency's authority."""
        self._tdkt_check_group(GROUP_OFFICE, self.env._("prepare a decision"))
        for decision in self:
            decision._tdkt_check_editable()
            proposals = decision._tdkt_candidates() - decision.line_ids.proposal_id
            if not proposals:
                raise UserError(
                    self.env._(
                        "There is no approved proposal within the agency's "
                        "authority left to decide for %(origin)s.",
                        origin=decision.council_session_id.display_name
                        or decision.year,
                    )
                )
            start = max(decision.line_ids.mapped("sequence") or [0])
            self.env["tdkt.award.decision.line"].create(
                [
                    {
                        "decision_id": decision.id,
                        "proposal_id": proposal.id,
                        "sequence": start + index + 1,
                    }
                    for index, proposal in enumerate(proposals)
                ]
            )
        return True

    def _tdkt_check_ready(self):
        result = super()._tdkt_check_ready()
        for decision in self:
            if not decision.line_ids:
                raise UserError(
                    self.env._(
                        "'%(document)s' decides no award: add the approved "
                        "proposals first.",
                        document=decision.display_name,
                    )
                )
            decision.line_ids._tdkt_check_decidable()
        return result

    def _tdkt_issuer(self):
        """Who confers, as the history writes it: 'Chánh Thanh tra'."""
        self.ensure_one()
        # sudo: the signer's job title (an HR record) only
        title = self.signer_id.sudo().job_title or self.signer_position or ""
        authority = self._tdkt_print_authority()
        return f"{authority} {title}".strip() if authority else title

    def _tdkt_post_transition(self, row, reason):
        result = super()._tdkt_post_transition(row, reason)
        if row.action == "issue":
            self._tdkt_confer()
        elif row.action == "cancel" and self.revision:
            self._tdkt_revoke(reason)
        return result

    def _tdkt_confer(self):
        """Issue: the proposals are decided (the table checks the Chief and
        the authority), their award history written, and each award with a
        certificate takes its number in the agency's yearly golden book."""
        self.ensure_one()
        lines = self.line_ids
        records = lines.proposal_id._tdkt_confer_awards(
            self.document_number, self.issue_date, self._tdkt_issuer(), "own"
        )
        by_proposal = {record.proposal_id.id: record.id for record in records}
        Register = self.env["tdkt.document.register"]
        for line in self._tdkt_ordered(lines):
            vals = {"record_id": by_proposal.get(line.proposal_id.id, False)}
            if line.has_certificate:
                vals["register_number"] = Register._tdkt_register(line)
            # sudo: the history link and the golden-book number are the
            # system's (refused to a client's write); the issue was checked.
            line.sudo().write(vals)

    def _tdkt_revoke(self, reason):
        """Revoke (Thu hồi): the awards stay in the history, marked revoked
        with the reason; the eligibility engine no longer counts them."""
        self.ensure_one()
        vals = {
            "revoked": True,
            "revoked_reason": reason,
            "revoked_date": fields.Date.context_today(self),
        }
        # sudo: the revocation is written by the system only; the Chief's
        # right to revoke was checked by the transition table.
        self.line_ids.record_id.sudo().write(vals)
        # sudo: as above, the proposals' revocation fields are the system's.
        self.line_ids.proposal_id.sudo().write(
            {"revoked": True, "revocation_reason": reason}
        )

    def _tdkt_action_label(self, action):
        if action == "cancel" and self.state == "issued":
            return self.env._("revoke")
        return super()._tdkt_action_label(action)

    def _tdkt_transition_message(self, row):
        if row.action == "cancel" and "issued" in row.from_states:
            return self.env._(
                "Revoked: the awards stay in the history, marked revoked."
            )
        return super()._tdkt_transition_message(row)

    def action_revoke(self):
        return self._tdkt_do("cancel")

    def action_print_certificates(self):
        """The certificates of the decision's awards that have one."""
        self.ensure_one()
        lines = self.line_ids.filtered("has_certificate")
        if not lines:
            raise UserError(
                self.env._(
                    "No award of '%(decision)s' has a certificate (Lao động tiên "
                    "tiến has none: the decision and its list are its only "
                    "document).",
                    decision=self.display_name,
                )
            )
        return lines.action_print_certificate()

    # --- printout ---------------------------------------------------------------
    def _tdkt_print_annex_template(self):
        return "tdkt_emulation.report_tdkt_award_decision_annex"

    def _tdkt_print_groups(self):
        """[(award type, subject, lines, amount per line or None)]: collectives
        first, then individuals, each title in catalogue order."""
        self.ensure_one()
        groups = defaultdict(list)
        for line in self._tdkt_ordered(self.line_ids):
            groups[line.award_type_id].append(line)
        ordered = sorted(
            groups.items(),
            key=lambda item: (
                item[0].subject != "collective",
                item[0].sequence,
                item[0].id,
            ),
        )
        result = []
        for award, lines in ordered:
            amounts = {line.amount for line in lines}
            result.append(
                (
                    award,
                    award.subject,
                    lines,
                    amounts.pop() if len(amounts) == 1 else None,
                )
            )
        return result

    def _tdkt_print_article_one(self):
        """The paragraphs of Article 1, one per title, then the ground."""
        self.ensure_one()
        paragraphs = []
        for index, (award, subject, lines, amount) in enumerate(
            self._tdkt_print_groups(), start=1
        ):
            kind = "tập thể" if subject == "collective" else "cá nhân"
            name = self._tdkt_print_award_name(award)
            what = f"danh hiệu “{name}”" if award.kind == "title" else name
            text = (
                f"{index}. Tặng {what} cho {len(lines):02d} {kind} "
                "(có danh sách kèm theo)"
            )
            if amount:
                text += f", mỗi {kind} được thưởng {vnd(amount)} đồng"
            paragraphs.append(f"{text}.")
        return paragraphs

    def _tdkt_issuer_of_agency(self):
        """The issuer with the agency: 'Chánh Thanh tra' and 'Thanh tra
        tỉnh' make 'Chánh Thanh tra tỉnh' (the words they share once)."""
        self.ensure_one()
        title = (self._tdkt_issuer() or "").split()
        agency = " ".join(self._tdkt_print_agency_lines()[1]).capitalize().split()
        if not title:
            return ""
        folded = [word.casefold() for word in title]
        for size in range(min(len(title), len(agency)), 0, -1):
            if folded[-size:] == [word.casefold() for word in agency[:size]]:
                return " ".join(title + agency[size:])
        return " ".join(title + agency)

    @api.model
    def _tdkt_print_award_name(self, award):
        """'Giấy khen - cá nhân' prints 'Giấy khen': the subject is said apart."""
        name = award.name or ""
        for suffix in (" - cá nhân", " - tập thể"):
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return name

    def _tdkt_print_annex_heading(self):
        """'(Kèm theo Quyết định số 25/QĐ-TTr ngày 10/01/2025 của …)'."""
        self.ensure_one()
        number = self.document_number if self.number else f"{'.' * 6}/{self.symbol}"
        day = (
            self.issue_date.strftime("%d/%m/%Y")
            if self.issue_date
            else f"{'.' * 4}/{'.' * 4}/{'.' * 4}"
        )
        signer = self._tdkt_issuer_of_agency()
        who = f" của {signer}" if signer else ""
        return f"(Kèm theo Quyết định số {number} ngày {day}{who})"

    def _tdkt_print_annex_sections(self):
        """[(heading, [(title, [(number, text, amount text)])])]: I. Tập thể,
        II. Cá nhân, each title's lines numbered."""
        self.ensure_one()
        sections = []
        for subject, heading in (("collective", "Tập thể"), ("individual", "Cá nhân")):
            titles = [
                (
                    award.name,
                    [
                        (
                            index,
                            line.nominee_text,
                            vnd(line.amount) if line.amount else "",
                        )
                        for index, line in enumerate(lines, start=1)
                    ],
                )
                for award, kind, lines, _amount in self._tdkt_print_groups()
                if kind == subject
            ]
            if titles:
                sections.append(
                    (f"{self._tdkt_print_roman(len(sections) + 1)}. {heading}", titles)
                )
        return sections

    def _tdkt_print_summary(self):
        self.ensure_one()
        name = (self.name or "").strip()
        if name.endswith("năm"):
            name = f"{name} {self.year}"
        return name

    def _tdkt_print_vnd(self, amount):
        return vnd(amount)
