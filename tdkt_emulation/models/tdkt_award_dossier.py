from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .tdkt_official_document_mixin import (
    GROUP_OFFICE,
    GROUP_USER,
    TdktOfficialDocumentMixin,
    Transition,
)


def award_list_sections(entries):
    """A list of awards as printed (DANH SÁCH): [(section, [(award,
    entries)])], I. Cá nhân then II. Tập thể, each by title in the
    catalogue's order and by name. ``entries`` are records with
    ``subject``, ``award_type_id`` and ``nominee_name`` (proposals, the
    lines of a submission)."""
    sections = []
    for label, subject in (("I. Cá nhân", "individual"), ("II. Tập thể", "collective")):
        groups = {}
        mine = entries.filtered(lambda e, s=subject: e.subject == s)
        for entry in mine.sorted(lambda e: e.nominee_name or ""):
            groups.setdefault(entry.award_type_id, []).append(entry)
        if groups:
            sections.append(
                (
                    label,
                    sorted(
                        groups.items(), key=lambda item: (item[0].sequence, item[0].id)
                    ),
                )
            )
    return sections


# Fields only the lifecycle writes.
DOSSIER_LIFECYCLE_FIELDS = {"submitted_date"}
# Dossiers judged by Decree 152/2025 print its achievement report form.
ACHIEVEMENT_FORM_R2_FROM = date(2025, 7, 1)


class TdktAwardDossier(models.Model):
    """A unit's dossier of award proposals for a year (Hồ sơ đề nghị khen
    thưởng).

    The unit (its head, or staff the Office named) drafts its proposals and
    submits the dossier; the Office checks it and sends it to the council,
    or returns it with a reason. The date the dossier is submitted decides
    which rules judge it (dossiers submitted before 01/07/2025 follow
    Decree 98/2023). A proposal whose checks fail goes on only with the
    Chief's override and a reason.
    """

    _name = "tdkt.award.dossier"
    _description = "Award Proposal Dossier"
    _inherit = ["tdkt.official.document.mixin"]
    _order = "year desc, unit_id, id"
    _tdkt_document_type = "DS"
    _tdkt_print_prefix = "DSDN"
    _tdkt_report = "tdkt_emulation.action_report_tdkt_award_dossier"
    _tdkt_states = ("draft", "submitted", "council", "returned")
    _tdkt_signed_states = ()
    _tdkt_locked_states = ("council",)
    _tdkt_issue_group = GROUP_OFFICE
    _tdkt_base_transitions = ()
    _tdkt_extra_transitions = (
        Transition(
            "submit",
            ("draft", "returned"),
            "submitted",
            GROUP_USER,
            "_tdkt_check_submit",
            ("submitted",),
        ),
        Transition(
            "send_council",
            ("submitted",),
            "council",
            GROUP_OFFICE,
            "_tdkt_check_send_council",
        ),
        Transition(
            "return", ("submitted", "council"), "returned", GROUP_OFFICE, reason=True
        ),
    )
    _tdkt_text_limits = {
        **TdktOfficialDocumentMixin._tdkt_text_limits,
        "note": 5000,
    }

    state = fields.Selection(
        selection_add=[
            ("council", "Under Council Review"),
            ("returned", "Returned"),
            ("issued",),
        ],
        ondelete={"council": "set default", "returned": "set default"},
    )
    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, precompute=True
    )
    unit_id = fields.Many2one(
        "tdkt.unit",
        string="Proposing Unit",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="[('unit_type', 'in', ('department', 'agency'))]",
    )
    movement_id = fields.Many2one(
        "tdkt.movement",
        index=True,
        check_company=True,
        tracking=True,
        help="The movement whose results the proposals reward, if any.",
    )
    proposal_ids = fields.One2many(
        "tdkt.award.proposal", "dossier_id", string="Proposals"
    )
    proposal_count = fields.Integer(compute="_compute_counts")
    failing_count = fields.Integer(
        compute="_compute_counts", string="Proposals Failing a Check"
    )
    submitted_date = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
        help="The date the unit submitted the dossier: it decides which rules "
        "judge it.",
    )
    rule_date = fields.Date(
        compute="_compute_rule_date",
        help="The date whose rules judge the proposals: the submission date, "
        "or today while the dossier is a draft.",
    )
    note = fields.Text()

    @api.depends("unit_id", "year")
    def _compute_name(self):
        for dossier in self:
            dossier.name = (
                f"Hồ sơ đề nghị khen thưởng năm {dossier.year} - {dossier.unit_id.name}"
                if dossier.unit_id
                else dossier.name or f"Hồ sơ đề nghị khen thưởng năm {dossier.year}"
            )

    @api.depends("proposal_ids.eligibility", "proposal_ids.is_overridden")
    def _compute_counts(self):
        for dossier in self:
            proposals = dossier.proposal_ids
            dossier.proposal_count = len(proposals)
            dossier.failing_count = len(
                proposals.filtered(
                    lambda p: p.eligibility == "fail" and not p.is_overridden
                )
            )

    @api.depends("submitted_date")
    def _compute_rule_date(self):
        today = fields.Date.context_today(self)
        for dossier in self:
            dossier.rule_date = dossier.submitted_date or today

    @api.onchange("unit_id")
    def _onchange_unit_id(self):
        manager = self.unit_id.department_ids.manager_id[:1]
        if manager and not self.signer_id:
            self.signer_id = manager

    @api.constrains("unit_id", "movement_id", "year")
    def _check_unit(self):
        for dossier in self:
            if dossier.unit_id.unit_type not in ("department", "agency"):
                raise ValidationError(
                    self.env._(
                        "A dossier is proposed by a department or a member agency: "
                        "'%(unit)s' is neither.",
                        unit=dossier.unit_id.name,
                    )
                )
            if dossier.movement_id and dossier.movement_id.year != dossier.year:
                raise ValidationError(
                    self.env._(
                        "The movement '%(movement)s' is not of %(year)s.",
                        movement=dossier.movement_id.display_name,
                        year=dossier.year,
                    )
                )

    @api.model
    def _tdkt_open_dossier(self, unit, year, values=None):
        """The dossier of ``unit`` for ``year`` still open to proposals
        (draft or returned), made with ``values`` when there is none."""
        return self.search(
            [
                ("unit_id", "=", unit.id),
                ("year", "=", year),
                ("state", "in", ("draft", "returned")),
            ],
            limit=1,
        ) or self.create(
            {
                "unit_id": unit.id,
                "year": year,
                "company_id": unit.company_id.id,
                **(values or {}),
            }
        )

    # --- CRUD -------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                for name in DOSSIER_LIFECYCLE_FIELDS:
                    vals.pop(name, None)
        dossiers = super().create(vals_list)
        if not self.env.su:
            for dossier in dossiers:
                if not dossier.unit_id._tdkt_is_registrar():
                    raise AccessError(dossier._tdkt_not_registrar_message())
        for dossier, vals in zip(dossiers, vals_list, strict=True):
            if "signer_id" not in vals:
                manager = dossier.unit_id.department_ids.manager_id[:1]
                if manager:
                    # sudo: the signer is the unit's head, an employee the
                    # proposing staff may not read; the record was just
                    # created by them.
                    dossier.sudo().signer_id = manager
        return dossiers

    def write(self, vals):
        if not self.env.su and DOSSIER_LIFECYCLE_FIELDS & set(vals):
            raise AccessError(
                self.env._("The submission date of a dossier is kept by the system.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        for dossier in self:
            if dossier.state not in ("draft", "returned"):
                raise UserError(
                    self.env._(
                        "'%(dossier)s' has been submitted: it stays; the Office "
                        "returns it if it must change.",
                        dossier=dossier.display_name,
                    )
                )

    def _tdkt_not_registrar_message(self):
        return self.env._(
            "Only the head of '%(unit)s', staff the Office named for it, or the "
            "Office may propose awards for it.",
            unit=self.unit_id.name,
        )

    def _tdkt_check_editable(self):
        super()._tdkt_check_editable()
        if self.env.su:
            return
        for dossier in self:
            if dossier.state == "submitted" and not self.env.user.has_group(
                GROUP_OFFICE
            ):
                raise UserError(
                    self.env._(
                        "'%(dossier)s' is submitted: the Office checks it; it can be "
                        "changed again once returned.",
                        dossier=dossier.display_name,
                    )
                )
            if not dossier.unit_id._tdkt_is_registrar():
                raise AccessError(dossier._tdkt_not_registrar_message())

    # --- lifecycle ----------------------------------------------------------------
    def _tdkt_check_submit(self):
        for dossier in self:
            if not dossier.unit_id._tdkt_is_registrar():
                raise AccessError(dossier._tdkt_not_registrar_message())
            if not dossier.proposal_ids:
                raise UserError(
                    self.env._(
                        "'%(dossier)s' proposes nothing: add proposals first.",
                        dossier=dossier.display_name,
                    )
                )
        # The rules of the day the dossier is submitted judge it.
        self.proposal_ids._tdkt_refresh_checks(
            rule_date=fields.Date.context_today(self)
        )
        self.proposal_ids._tdkt_check_can_go_on(("fail",))
        self._tdkt_check_ready()

    def _tdkt_check_send_council(self):
        self.proposal_ids._tdkt_refresh_checks()
        self.proposal_ids._tdkt_check_can_go_on(("fail", "needs_data"))

    def _tdkt_effects(self, row):
        vals = super()._tdkt_effects(row)
        if "submitted" in row.effects:
            vals["submitted_date"] = fields.Date.context_today(self)
        return vals

    def _tdkt_post_transition(self, row, reason):
        result = super()._tdkt_post_transition(row, reason)
        # The proposals move with their dossier.
        self.proposal_ids._tdkt_follow_dossier(row.action, reason)
        return result

    def _tdkt_action_label(self, action):
        labels = {"send_council": self.env._("send to the council")}
        return labels.get(action) or super()._tdkt_action_label(action)

    def action_send_council(self):
        return self._tdkt_do("send_council")

    def action_check_eligibility(self):
        self.check_access("read")
        self.proposal_ids._tdkt_refresh_checks()
        return True

    # --- printout -------------------------------------------------------------
    def _tdkt_print_number(self):
        """A unit's proposal list carries no number of the register."""
        return ""

    def _tdkt_print_sections(self):
        """[(section, [(award, proposals)])]: I. Cá nhân, II. Tập thể, each
        by title in the catalogue's order; rejected proposals are left out."""
        self.ensure_one()
        proposals = self.proposal_ids.filtered(lambda p: p.state != "rejected")
        proposals.fetch(["nominee_name", "job_title", "award_type_id", "subject"])
        return award_list_sections(proposals)

    def _tdkt_print_position(self, proposal):
        if proposal.subject == "collective":
            return self.company_id.tdkt_header_name or self.company_id.name
        return "; ".join(
            part for part in (proposal.job_title, self.unit_id.name) if part
        )

    def _tdkt_print_note(self, proposal):
        if proposal.is_overridden:
            return "Thủ trưởng cho phép: " + (proposal.override_reason or "")
        return ""

    def _tdkt_print_addressees(self):
        self.ensure_one()
        return [f"Hội đồng Thi đua - Khen thưởng {self.company_id.name}"]

    # --- a person's achievement report (báo cáo thành tích) -----------------------
    def _tdkt_achievement_frame(self, proposal):
        """The official frame of ``proposal``'s achievement report: no
        number, no addressee, the head's confirmation and the person's
        signature side by side."""
        self.ensure_one()
        return {
            "draft": False,
            "number": "",
            "date": self._tdkt_print_date(
                self.submitted_date or fields.Date.context_today(self)
            ),
            "addressees": [],
            "recipients": [],
            "signers": [
                ("", "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", ""),
                ("", "NGƯỜI BÁO CÁO THÀNH TÍCH", proposal.person_name or ""),
            ],
        }

    def _tdkt_achievement_report(self, proposal):
        """What a person's achievement report prints: the form it follows
        (by the rules judging the dossier), the short CV, the achievements
        and the awards received, from the history kept."""
        self.ensure_one()
        if proposal.subject != "individual":
            raise UserError(
                self.env._(
                    "'%(proposal)s' proposes a collective: the personal "
                    "achievement report is for a person.",
                    proposal=proposal.display_name,
                )
            )
        if self.rule_date < ACHIEVEMENT_FORM_R2_FROM:
            form = "Mẫu số 03, Phụ lục I ban hành kèm theo Nghị định số 98/2023/NĐ-CP"
        else:
            form = "Mẫu số 05, Phụ lục ban hành kèm theo Nghị định số 152/2025/NĐ-CP"
        award = proposal.award_type_id
        verb = "CÔNG NHẬN" if award.kind == "title" else "TẶNG"
        # sudo: the report prints the person's birth date and gender and the
        # awards they received, as the proposal the user may read needs them;
        # nothing else of the HR record is read.
        employee = proposal.employee_id.sudo()
        ratings = dict(
            proposal._fields["performance_rating"]._description_selection(self.env)
        )
        innovations = dict(
            proposal._fields["innovation_kind"]._description_selection(self.env)
        )
        cv = [
            ("Họ và tên", proposal.person_name or ""),
            (
                "Giới tính",
                {"male": "Nam", "female": "Nữ"}.get(employee.gender, "")
                if employee
                else "",
            ),
            (
                "Ngày, tháng, năm sinh",
                employee.birthday.strftime("%d/%m/%Y")
                if employee and employee.birthday
                else "",
            ),
            ("Chức vụ", proposal.job_title or ""),
            (
                "Đơn vị công tác",
                ", ".join(
                    part
                    for part in (
                        self.unit_id.name,
                        self.company_id.tdkt_header_name or self.company_id.name,
                    )
                    if part
                ),
            ),
            (
                "Ngày vào cơ quan",
                proposal.start_date.strftime("%d/%m/%Y") if proposal.start_date else "",
            ),
        ]
        results = []
        if proposal.performance_rating:
            results.append(
                f"Kết quả đánh giá, xếp loại năm {proposal.year}: "
                f"{ratings[proposal.performance_rating]}."
            )
        if proposal.innovation_kind:
            results.append(
                f"{innovations[proposal.innovation_kind]} được công nhận"
                + (
                    f": {proposal.innovation_reference}"
                    if proposal.innovation_reference
                    else ""
                )
                + "."
            )
        records = (
            self.env["tdkt.award.record"]
            .sudo()  # sudo: the person's own awards, for this report only
            .search(
                [("employee_id", "=", employee.id)] if employee else [("id", "=", 0)],
                order="year, id",
            )
        )
        history = {
            kind: [
                (
                    record.year,
                    record.award_type_id.name,
                    ", ".join(
                        part
                        for part in (
                            record.decision_number,
                            record.decision_date
                            and record.decision_date.strftime("%d/%m/%Y"),
                            record.issuer,
                        )
                        if part
                    ),
                )
                for record in records
                if record.kind == kind
            ]
            for kind in ("title", "form")
        }
        return {
            "form": form,
            "summary": f"ĐỀ NGHỊ {verb} {award.name.upper()} NĂM {proposal.year}",
            "cv": cv,
            "results": results,
            "achievements": self._tdkt_print_paragraphs(proposal.achievement_summary),
            "titles": history["title"],
            "forms": history["form"],
        }
