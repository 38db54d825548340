"""One lifecycle for every official document (Decree 30/2020/NĐ-CP).

A document model inherits ``tdkt.official.document.mixin``, sets a few class
attributes and adds its body::

    class TdktDecision(models.Model):
        _name = "tdkt.award.decision"
        _inherit = ["tdkt.official.document.mixin", "mail.activity.mixin"]
        _tdkt_document_type = "QĐ"          # symbol: 05/QĐ-TTr, own register
        _tdkt_states = ("draft", "issued", "cancelled")
        _tdkt_print_prefix = "QD"           # file name QD_05-QD-TTr_2024.pdf
        _tdkt_report = "tdkt_emulation.action_report_tdkt_award_decision"

Everything else comes from here, once: the header, number and symbol, the
yearly register (safe under concurrent issues), the transition table that the
buttons, ``write()`` and ``create()`` all go through, the content lock (which
the document's lines follow), the signers, recipients and legal bases, the
archived signed PDF and the printing helpers of the shared QWeb frame.
"""

import logging
import re

import psycopg2

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty

# The document types import these from here.
from .tdkt_workflow_mixin import (  # noqa: F401 pylint: disable=unused-import
    GROUP_CHIEF,
    GROUP_OFFICE,
    GROUP_USER,
    Transition,
)

_logger = logging.getLogger(__name__)


NBSP = "\u00a0"
# A basis typed with its own "Căn cứ" is not printed "Căn cứ Căn cứ …".
LEADING_CAN_CU = re.compile(r"^căn\s+cứ\s+", re.IGNORECASE)
PROPOSAL_GROUND = re.compile(r"^(xét|theo)\s+đề\s+nghị\s+", re.IGNORECASE)
ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
AUTHORITY_PREFIX = {"tm": "TM.", "q": "Q.", "kt": "KT.", "tl": "TL.", "tuq": "TUQ."}
LEGAL_BASIS_LAYOUTS = [
    ("paragraph", "One paragraph"),
    ("lines", "One basis per line"),
]
SIGNING_AUTHORITIES = [
    ("tm", "TM. (on behalf of the collective)"),
    ("q", "Q. (acting)"),
    ("kt", "KT. (deputy signing for the head)"),
    ("tl", "TL. (signing by order)"),
    ("tuq", "TUQ. (signing by authorisation)"),
]
# Fields that change on a locked document without touching its content.
LOCK_FREE_PREFIXES = ("message_", "activity_", "website_message_")
# Fields only the lifecycle writes (never a client).
LIFECYCLE_FIELDS = {"revision", "signed_pdf_id"}

# The lifecycle of an official document. A model keeps the rows whose states
# all belong to its ``_tdkt_states``, or sets its own table.
DEFAULT_TRANSITIONS = (
    Transition("submit", ("draft",), "submitted", GROUP_OFFICE, "_tdkt_check_ready"),
    Transition(
        "issue",
        ("draft", "submitted"),
        "issued",
        None,
        "_tdkt_check_ready",
        ("number", "date", "revision"),
    ),
    Transition("return", ("submitted",), "draft", None, reason=True),
    Transition("close", ("issued",), "closed", None),
    Transition("reopen", ("closed",), "issued", None, reason=True),
    Transition("cancel", ("draft", "submitted"), "cancelled", GROUP_OFFICE),
    Transition("cancel", ("issued",), "cancelled", None, reason=True),
    Transition("reset", ("submitted", "cancelled"), "draft", GROUP_OFFICE),
)


def roman(number):
    """Roman numeral of a small positive number (quarters, sections)."""
    result = ""
    for value, letters in ROMAN:
        while number >= value:
            result += letters
            number -= value
    return result


class TdktOfficialDocumentMixin(models.AbstractModel):
    _name = "tdkt.official.document.mixin"
    _inherit = ["tdkt.workflow.mixin", "mail.activity.mixin"]
    _description = "Official Document"
    _check_company_auto = True

    # Marks the models built on this mixin (document lines, reason dialog).
    _tdkt_is_official_document = True

    # --- what a document type sets --------------------------------------------
    # Type abbreviation (Decree 30/2020, appendix III): symbol and register.
    _tdkt_document_type = None
    # States the type uses, first one initial; the table keeps their rows.
    _tdkt_states = ("draft", "submitted", "issued", "closed", "cancelled")
    # States in which the document is signed, and those that lock its content.
    _tdkt_signed_states = ("issued", "closed")
    _tdkt_base_transitions = DEFAULT_TRANSITIONS
    _tdkt_locked_states = ("issued", "closed", "cancelled")
    # Fields a locked document still takes, each guarded by the type's own
    # write() (who, in which state): a submission records on itself the
    # higher level's decision once issued.
    _tdkt_lock_free_fields = ()
    # The group that issues (and alone may undo an issue).
    _tdkt_issue_group = GROUP_CHIEF
    # Field of another document this one takes its header and signer from
    # (a review report from its plan); None: from the agency.
    _tdkt_header_from = None
    # The PDF report of the document and the prefix of its file names.
    _tdkt_report = None
    _tdkt_print_prefix = "VB"
    # The type as cited by another document ('Kế hoạch số 01/KH-TTr …').
    _tdkt_citation_label = "Văn bản"
    # Longest text (characters) of fields that reach the printout.
    _tdkt_text_limits = {
        "name": 500,
        "agency_name": 200,
        "parent_agency_name": 200,
        "place": 100,
        "signer_name": 100,
        "signer_position": 200,
        "authority_position": 200,
    }

    # --- fields ---------------------------------------------------------------
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, index=True
    )
    name = fields.Char(string="Title", required=True, tracking=True)
    year = fields.Integer(required=True, index=True, tracking=True)
    # Text: printed line by line, broken where the agency breaks its name
    # ('ỦY BAN NHÂN DÂN' / 'TỈNH SƠN LA'), not where the cell runs out.
    agency_name = fields.Text(
        string="Agency Name in Header",
        compute="_compute_header",
        store=True,
        readonly=False,
    )
    parent_agency_name = fields.Text(
        string="Parent Agency", compute="_compute_header", store=True, readonly=False
    )
    # Its own compute: a value given for one field protects every field of
    # the same compute method from being computed.
    place = fields.Char(compute="_compute_place", store=True, readonly=False)
    number = fields.Integer(
        copy=False,
        tracking=True,
        help="Number in the agency's yearly register of this type of document; "
        "taken from the register when the document is issued, if left empty.",
    )
    symbol = fields.Char(compute="_compute_symbol", store=True)
    document_number = fields.Char(
        string="Number and Symbol", compute="_compute_symbol", store=True, index=True
    )
    issue_date = fields.Date(copy=False, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("issued", "Issued"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    is_locked = fields.Boolean(
        string="Locked",
        compute="_compute_is_locked",
        help="Issued, closed and cancelled documents can no longer be edited.",
    )
    signer_id = fields.Many2one("hr.employee", tracking=True, check_company=True)
    signer_name = fields.Char(compute="_compute_signer", store=True, readonly=False)
    signer_position = fields.Char(
        compute="_compute_signer",
        store=True,
        readonly=False,
        help="Position printed above the signature, e.g. 'CHÁNH THANH TRA'.",
    )
    signing_authority = fields.Selection(
        SIGNING_AUTHORITIES,
        help="Authority prefix when the signer does not sign as the head "
        "(Decree 30/2020).",
    )
    authority_position = fields.Char(
        string="On Behalf Of",
        help="Position of the head the signer signs for, e.g. 'CHÁNH THANH "
        "TRA' under 'KT.'.",
    )
    recipient_ids = fields.One2many(
        "tdkt.document.recipient", "res_id", string="Recipients", copy=True
    )
    legal_basis_ids = fields.One2many(
        "tdkt.document.legal.basis", "res_id", string="Legal Bases", copy=True
    )
    legal_basis_layout = fields.Selection(
        LEGAL_BASIS_LAYOUTS,
        string="Legal Bases Printed",
        compute="_compute_legal_basis_layout",
        store=True,
        readonly=False,
        help="One paragraph ('Căn cứ A; B; C.') or one basis per line "
        "('Căn cứ A;' then 'Căn cứ B;'…); the agency's choice by default.",
    )
    # Copied by copy() with their sub-sections (see _tdkt_copy_sections).
    section_ids = fields.One2many(
        "tdkt.document.section", "res_id", string="Sections", copy=False
    )
    revision = fields.Integer(
        copy=False,
        readonly=True,
        help="How many times the document was issued: each issue takes a new "
        "signed copy.",
    )
    signed_pdf_id = fields.Many2one(
        "ir.attachment",
        string="Signed Copy",
        copy=False,
        readonly=True,
        help="The PDF of the issued document, archived the first time it is "
        "printed after the issue; it is printed again as is.",
    )

    _sql_constraints = [
        (
            "number_uniq",
            (
                "EXCLUDE USING btree (company_id WITH =, year WITH =, number WITH =) "
                "WHERE (number > 0)"
            ),
            (
                "Another document of this type of the agency already has this "
                "number in this year."
            ),
        ),
    ]

    # --- computes -------------------------------------------------------------
    def _tdkt_header_depends(self):
        if self._tdkt_header_from:
            source = self._tdkt_header_from
            return [
                source,
                f"{source}.agency_name",
                f"{source}.parent_agency_name",
                f"{source}.place",
            ]
        return ["company_id"]

    @api.depends(lambda self: self._tdkt_header_depends())
    def _compute_header(self):
        for document in self:
            source = document._tdkt_header_source()
            if source is not None:
                document.agency_name = source.agency_name
                document.parent_agency_name = source.parent_agency_name
                continue
            company = document.company_id
            document.agency_name = company.tdkt_header_name or company.name
            document.parent_agency_name = (
                company.tdkt_parent_agency_name or company.parent_id.name or False
            )

    @api.depends("company_id")
    def _compute_legal_basis_layout(self):
        for document in self:
            document.legal_basis_layout = (
                document.company_id.tdkt_legal_basis_layout or "paragraph"
            )

    @api.depends(lambda self: self._tdkt_header_depends())
    def _compute_place(self):
        for document in self:
            source = document._tdkt_header_source()
            company = document.company_id
            document.place = (
                source.place
                if source is not None
                else company.tdkt_place_name or company.city or False
            )

    def _tdkt_header_source(self):
        """The document this one takes its header from, or None."""
        if not self._tdkt_header_from:
            return None
        source = self[self._tdkt_header_from]
        return source if source else None

    def _tdkt_symbol_depends(self):
        return ["number", "company_id.tdkt_agency_code"]

    def _tdkt_symbol_code(self):
        """The code after the type in the symbol: the agency's ('KH-TTr');
        a cluster's papers use the cluster's ('GƯ-CTĐ')."""
        return self.company_id.tdkt_agency_code

    @api.depends(lambda self: self._tdkt_symbol_depends())
    def _compute_symbol(self):
        for document in self:
            code = document._tdkt_symbol_code()
            kind = document._tdkt_document_type
            document.symbol = f"{kind}-{code}" if code else kind
            document.document_number = (
                document._tdkt_format_number(document.number)
                if document.number
                else f"/{document.symbol}"
            )

    @api.depends("state")
    def _compute_is_locked(self):
        for document in self:
            document.is_locked = document.state in self._tdkt_locked_states

    @api.depends("signer_id")
    def _compute_signer(self):
        for document in self:
            source = document._tdkt_header_source()
            if not document.signer_id and source is not None:
                document.signer_name = source.signer_name
                document.signer_position = source.signer_position
                continue
            document.signer_name = document.signer_id.name or False
            position = document.signer_id.job_title
            document.signer_position = position.upper() if position else False

    @api.depends("name", "document_number", "number")
    def _compute_display_name(self):
        for document in self:
            if document.number:
                document.display_name = f"{document.document_number} - {document.name}"
            else:
                document.display_name = document.name or ""

    # --- constraints ----------------------------------------------------------
    @api.constrains("year")
    def _check_year(self):
        for document in self:
            if not 2000 <= document.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "The year %(year)s of '%(document)s' is not valid.",
                        year=document.year,
                        document=document.display_name,
                    )
                )

    @api.constrains("number", "year", "company_id")
    def _check_number(self):
        for document in self:
            if document.number < 0:
                raise ValidationError(
                    self.env._("A document number cannot be negative.")
                )
            if document.number and document._tdkt_number_typed_elsewhere(
                document.number
            ):
                raise ValidationError(document._tdkt_number_taken_message())

    def _tdkt_number_taken_message(self):
        return self.env._(
            "The number %(number)s of %(year)s is already used by another document "
            "of %(agency)s.",
            number=self.document_number,
            year=self.year,
            agency=self.company_id.name,
        )

    # --- create / write / unlink: every path goes through the table -----------
    @api.model
    def _tdkt_own_lines(self, vals):
        """New recipient, legal-basis and section lines belong to this
        model's document."""
        for name in ("recipient_ids", "legal_basis_ids", "section_ids"):
            for command in vals.get(name) or []:
                if command[0] == Command.CREATE:
                    command[2]["res_model"] = self._name
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._tdkt_own_lines(vals) for vals in vals_list]
        if not self.env.su:
            self.check_access("create")
            initial = self._tdkt_states[0]
            for vals in vals_list:
                # A new document starts in its initial state, unsigned,
                # whatever the client sends.
                vals["state"] = initial
                for name in LIFECYCLE_FIELDS:
                    vals.pop(name, None)
        self._tdkt_check_vals(vals_list)
        if any(vals.get("number") for vals in vals_list):
            documents = self._tdkt_numbered(
                lambda: super(TdktOfficialDocumentMixin, self).create(vals_list)
            )
        else:
            documents = super().create(vals_list)
        documents._tdkt_fill_from_source(vals_list)
        return documents

    def _tdkt_numbered(self, operation):
        """Run ``operation``, which writes a number typed by hand; a number
        already held (the database's exclusion constraint, which also sees
        concurrent transactions) becomes a clear error."""
        try:
            with self.env.cr.savepoint():
                result = operation()
                self.env.flush_all()
        except psycopg2.errors.ExclusionViolation:
            raise ValidationError(
                self.env._(
                    "This number is already used by another document of the "
                    "agency in this year."
                )
            ) from None
        return result

    def _tdkt_fill_from_source(self, vals_list):
        """Recipients and signer of a new document from its header source."""
        for document, vals in zip(self, vals_list, strict=True):
            source = document._tdkt_header_source()
            if source is None:
                continue
            updates = {
                name: source[name]
                for name in ("signing_authority", "authority_position")
                if name not in vals and source[name]
            }
            if "signer_id" not in vals and source.signer_id:
                updates["signer_id"] = source.signer_id.id
            if "recipient_ids" not in vals and source.recipient_ids:
                updates["recipient_ids"] = [
                    (0, 0, {"sequence": line.sequence, "name": line.name})
                    for line in source.recipient_ids
                ]
            if updates:
                document.write(updates)

    def write(self, vals):
        vals = dict(self._tdkt_own_lines(vals))
        new_state = None
        if not self.env.su:
            # A client's write: rights first, then the lifecycle's rules. The
            # superuser (data files, and the lifecycle itself after its
            # checks, see _tdkt_write_locked_fields) writes them directly.
            self.check_access("write")
            new_state = vals.pop("state", None)
            if LIFECYCLE_FIELDS & set(vals):
                raise AccessError(
                    self.env._(
                        "The signed copy and the revision of a document are kept "
                        "by the system; they cannot be changed by hand."
                    )
                )
        self._tdkt_check_vals([vals])
        content = [
            name
            for name in vals
            if name not in LIFECYCLE_FIELDS
            and name != "state"
            and not name.startswith(LOCK_FREE_PREFIXES)
            and name not in self._tdkt_lock_free_fields
        ]
        if content:
            # The lock holds for everyone, the superuser included.
            self._tdkt_check_editable()
        if vals.get("number"):
            self._tdkt_numbered(
                lambda: super(TdktOfficialDocumentMixin, self).write(vals)
            )
        elif vals:
            super().write(vals)
        if new_state is not None:
            self._tdkt_write_state_change(new_state)
        return True

    def unlink(self):
        lines = (self.recipient_ids, self.legal_basis_ids, self.section_ids)
        result = super().unlink()
        for records in lines:
            # sudo: the lines of a deleted (draft) document go with it; the
            # document's own unlink checked the rights.
            records.sudo().unlink()
        return result

    def copy(self, default=None):
        """A copy has the sections of its original, sub-sections included
        (unless ``default`` gives its own)."""
        default = dict(default or {})
        keep_sections = "section_ids" not in default
        default.setdefault("section_ids", [])
        documents = super().copy(default)
        if keep_sections:
            for source, document in zip(self, documents, strict=True):
                document._tdkt_copy_sections(source.section_ids)
        return documents

    def _tdkt_copy_sections(self, sources, text=None):
        """Give this document sections made from ``sources`` (sections of a
        document or of a template), sub-sections under their copied main
        section; ``text`` rewrites each heading and body (e.g. next year's)."""
        self.ensure_one()
        text = text or (lambda value: value)
        new_ids = {}
        ordered = sources._tdkt_reading_order()
        for level in (0, 1):
            batch = [section for section, depth in ordered if depth == level]
            if not batch:
                continue
            created = self.env["tdkt.document.section"].create(
                [
                    {
                        "res_model": self._name,
                        "res_id": self.id,
                        "sequence": section.sequence,
                        "name": text(section.name),
                        "body": text(section.body),
                        "kind": section.kind,
                        "parent_id": new_ids.get(section.parent_id.id, False),
                    }
                    for section in batch
                ]
            )
            new_ids.update(zip([s.id for s in batch], created.ids, strict=True))

    def _tdkt_check_editable(self):
        locked = self.filtered("is_locked")
        if locked:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "'%(document)s' is %(state)s: its content can no longer be "
                    "changed.",
                    document=locked[0].display_name,
                    state=states[locked[0].state].lower(),
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_numbered(self):
        for document in self:
            if document.revision or document.state in self._tdkt_signed_states:
                raise UserError(
                    self.env._(
                        "'%(document)s' has been issued: it stays in the register "
                        "and cannot be deleted; cancel it instead.",
                        document=document.display_name,
                    )
                )

    def _tdkt_effects(self, row):
        vals = super()._tdkt_effects(row)
        if "number" in row.effects:
            number = self.env["tdkt.document.register"]._tdkt_register(
                self, self.number
            )
            if number != self.number:
                vals["number"] = number
        if "date" in row.effects and not self.issue_date:
            vals["issue_date"] = fields.Date.context_today(self)
        if "revision" in row.effects:
            vals["revision"] = self.revision + 1
            vals["signed_pdf_id"] = False
        return vals

    def _tdkt_write_locked_fields(self, vals):
        """Write what only the lifecycle writes (state, number, signed copy).

        Called after the table's checks. sudo: ``write()`` refuses these
        fields to any client; the superuser flag cannot be set over RPC, so
        this is the only way in. A number taken meanwhile by a concurrent
        transaction (the database's exclusion constraint) is a clear error.
        """
        try:
            with self.env.cr.savepoint():
                return super()._tdkt_write_locked_fields(vals)
        except (psycopg2.errors.ExclusionViolation, psycopg2.errors.UniqueViolation):
            self.invalidate_recordset()
            raise UserError(self._tdkt_number_taken_message()) from None

    def _tdkt_transition_message(self, row):
        if row.to_state == "issued" and "number" in row.effects:
            return self.env._(
                "Issued as %(number)s (revision %(revision)s).",
                number=self.document_number,
                revision=self.revision,
            )
        return super()._tdkt_transition_message(row)

    def _tdkt_hand_off(self, row, reason):
        """Tell who acts next after a move (activities, followers): the
        document goes to its signer when submitted, back to who wrote it when
        returned; the writer's to-do is done when the document is issued."""
        if row.action == "submit":
            signer = self.signer_id.user_id
            if signer:
                self.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=signer.id,
                    summary=self.env._("Sign and issue"),
                    note=self.env._(
                        "'%(document)s' is submitted for your signature.",
                        document=self.display_name,
                    ),
                )
        elif row.action == "return":
            self.activity_feedback(["mail.mail_activity_data_todo"], feedback=reason)
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=self.create_uid.id,
                summary=self.env._("Returned: %(reason)s", reason=reason or ""),
            )
        elif row.to_state in ("issued", "cancelled"):
            self.activity_feedback(["mail.mail_activity_data_todo"])

    def _tdkt_check_ready(self):
        """Readiness before submitting or issuing; extend for the body."""
        for document in self:
            if not document.signer_name:
                raise UserError(
                    self.env._(
                        "'%(document)s' has no signer.", document=document.display_name
                    )
                )

    # --- buttons: thin wrappers over the table --------------------------------
    def action_submit(self):
        return self._tdkt_do("submit")

    def action_issue(self):
        return self._tdkt_do("issue")

    def action_return(self):
        return self._tdkt_do("return")

    def action_close(self):
        return self._tdkt_do("close")

    def action_reopen(self):
        return self._tdkt_do("reopen")

    def action_cancel(self):
        return self._tdkt_do("cancel")

    def action_reset_to_draft(self):
        return self._tdkt_do("reset")

    # --- numbering ------------------------------------------------------------
    def _tdkt_number_typed_elsewhere(self, number):
        """Whether another document of this type holds ``number`` (typed by
        hand on a draft) in the agency's year."""
        self.ensure_one()
        # sudo: the number must be free among all documents of the agency,
        # those the user may not read included; only a count comes back.
        return bool(
            self.sudo()  # sudo: count only
            .with_context(active_test=False)
            .search_count(
                [
                    ("id", "!=", self.id),
                    ("number", "=", number),
                    *(
                        (name, "=", value)
                        for name, value in self._tdkt_register_scope().items()
                    ),
                ],
                limit=1,
            )
        )

    def _tdkt_register_scope(self):
        """{field: value} of the register this document is numbered in,
        with its type: the agency's register of the year. A document kept
        in another register (a cluster's) adds its field here; the database
        constraint ``number_uniq`` follows the same fields."""
        self.ensure_one()
        return {"company_id": self.company_id.id, "year": self.year}

    def _tdkt_format_number(self, number):
        return f"{number:02d}/{self.symbol}"

    # --- signed copy ----------------------------------------------------------
    def _tdkt_archive_signed_pdf(self, pdf):
        """Keep ``pdf`` as the signed copy of this issued document.

        sudo: whoever prints first (Staff included) takes the copy; the
        attachment belongs to the system, and no one may change or delete it
        afterwards (``ir.attachment`` refuses it).
        """
        self.ensure_one()
        if self.signed_pdf_id or self.state not in self._tdkt_signed_states:
            return self.signed_pdf_id
        attachment = (
            self.env["ir.attachment"]
            .sudo()  # sudo: see docstring
            .create(
                {
                    "name": f"{self._tdkt_print_filename()}_r{self.revision}.pdf",
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": self.id,
                    "tdkt_signed_copy": True,
                }
            )
        )
        self.sudo().write({"signed_pdf_id": attachment.id})  # sudo: see docstring
        return attachment

    # --- shared printout helpers (QWeb frame) ---------------------------------
    def _tdkt_print_is_draft(self):
        self.ensure_one()
        return self.state not in self._tdkt_signed_states

    def _tdkt_print_number(self):
        """'Số: 01/KH-TTr', with room left for the number when not yet given."""
        self.ensure_one()
        if self.number:
            return f"Số: {self.document_number}"
        return f"Số:{NBSP * 10}/{self.symbol}"

    def _tdkt_print_date(self, day=None):
        """Place and date (the issue date unless ``day`` is given); days
        below 10 and months 1-2 get a leading zero."""
        self.ensure_one()
        place = self.place or NBSP * 10
        day = day or self.issue_date
        if not day:
            blank = NBSP * 6
            return f"{place}, ngày{blank}tháng{blank}năm {self.year or ''}"
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"

    def _tdkt_print_authority(self):
        """First line of the signature block: 'KT. CHÁNH THANH TRA', or ''."""
        self.ensure_one()
        prefix = AUTHORITY_PREFIX.get(self.signing_authority or "")
        if not prefix:
            return ""
        return f"{prefix} {(self.authority_position or '').upper()}".strip()

    def _tdkt_print_signer_position(self):
        self.ensure_one()
        return (self.signer_position or "").upper()

    def _tdkt_print_signers(self):
        """Signature blocks, left to right: (authority, position, name).

        One by default; minutes override this to return two (the chair and
        the secretary).
        """
        self.ensure_one()
        return [
            (
                self._tdkt_print_authority(),
                self._tdkt_print_signer_position(),
                self.signer_name or "",
            )
        ]

    @api.model
    def _tdkt_ordered(self, lines):
        """Lines in their printed order. Lines created in this transaction
        sit in the cache in the order they were linked, not by sequence."""
        return lines.sorted(lambda line: (line.sequence, line.id))

    def _tdkt_print_signer_rows(self, signers, per_row=3):
        """Rows of signature blocks when there are several (minutes: two;
        a covenant: every member), at most ``per_row`` a row; none for a
        single signer, printed beside the recipients."""
        if len(signers) < 2:
            return []
        return [signers[i : i + per_row] for i in range(0, len(signers), per_row)]

    def _tdkt_print_addressees(self):
        """Addressees of a submission ('Kính gửi: …'); none by default."""
        return []

    def _tdkt_print_recipients(self):
        self.ensure_one()
        return [
            line.strip()
            for line in self._tdkt_ordered(self.recipient_ids).mapped("name")
            if line.strip()
        ]

    def _tdkt_print_annex_template(self):
        """xml id of an annex printed after the signature (decisions), or ''."""
        return ""

    def _tdkt_print_roman(self, number):
        return roman(int(number))

    def _tdkt_print_units(self, units):
        """Units as a plan writes them: 'A; B và C'."""
        names = [name.strip() for name in units.mapped("name") if name]
        if len(names) > 1:
            return f"{'; '.join(names[:-1])} và {names[-1]}"
        return names[0] if names else ""

    def _tdkt_print_legal_bases(self):
        """The legal bases as printed, one paragraph per item: ['Căn cứ A;
        B; C.'], or one per basis: ['Căn cứ A;', 'Căn cứ B;', 'Căn cứ C;']."""
        self.ensure_one()
        texts = [
            basis.strip()
            for basis in self._tdkt_ordered(self.legal_basis_ids).mapped("name")
            if basis and basis.strip()
        ]
        # A proposal ground ('Xét đề nghị của …', a decision's) is no 'Căn
        # cứ': printed as typed, after the bases.
        grounds = [text for text in texts if PROPOSAL_GROUND.match(text)]
        bases = [
            LEADING_CAN_CU.sub("", text).rstrip(";.").strip()
            for text in texts
            if text not in grounds
        ]
        if not bases:
            return grounds
        if self.legal_basis_layout == "lines":
            return [f"Căn cứ {basis};" for basis in bases] + grounds
        return [f"Căn cứ {'; '.join(bases)}."] + grounds

    def _tdkt_print_agency_lines(self):
        """(parent agency lines, agency lines) of the header, upper case,
        broken where the agency breaks them."""
        self.ensure_one()

        def lines(text):
            return [
                line.strip().upper()
                for line in (text or "").splitlines()
                if line.strip()
            ]

        return lines(self.parent_agency_name), lines(self.agency_name)

    def _tdkt_print_paragraphs(self, text):
        """A plain text field (a preamble) as its non-empty lines."""
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    def _tdkt_print_sections(self):
        """[(css class, section, body or None)] of the body, in reading order."""
        self.ensure_one()
        return [
            (
                "o_tdkt_subsection" if level else "o_tdkt_section",
                section,
                None if is_html_empty(section.body) else section.body,
            )
            for section, level in self.section_ids._tdkt_reading_order()
        ]

    def _tdkt_citation(self):
        """How another document cites this one: 'Kế hoạch số 01/KH-TTr ngày
        05/01/2024 của Thanh tra tỉnh về …'."""
        self.ensure_one()
        parts = [self._tdkt_citation_label]
        if self.number:
            parts.append(f"số {self.document_number}")
        if self.issue_date:
            parts.append(f"ngày {self.issue_date.strftime('%d/%m/%Y')}")
        agency = " ".join(self._tdkt_print_agency_lines()[1])
        if agency:
            parts.append(f"của {agency.capitalize()}")
        if self.name:
            parts.append(f"về {self.name[0].lower()}{self.name[1:]}")
        return " ".join(parts)

    def _tdkt_print_filename(self, prefix=None):
        """File name of the printout, e.g. 'KH_01-KH-TTr_2024'."""
        self.ensure_one()
        number = self.document_number if self.number else "DuThao"
        prefix = prefix or self._tdkt_print_prefix
        return f"{prefix}_{number.replace('/', '-')}_{self.year}"
