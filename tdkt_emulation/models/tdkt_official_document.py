from datetime import date

from odoo import api, models

NBSP = "\u00a0"
ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
AUTHORITY_PREFIX = {"tm": "TM.", "q": "Q.", "kt": "KT.", "tl": "TL.", "tuq": "TUQ."}


def roman(number):
    """Roman numeral of a small positive number (quarters, sections)."""
    result = ""
    for value, letters in ROMAN:
        while number >= value:
            result += letters
            number -= value
    return result


class TdktOfficialDocument(models.AbstractModel):
    """Printed form of an administrative document (Decree 30/2020/NĐ-CP).

    Used by the shared QWeb frame ``tdkt_emulation.official_document_layout``.
    The inheriting model provides the usual document fields: ``state``,
    ``parent_agency_name``, ``agency_name``, ``number``, ``document_number``,
    ``symbol``, ``place``, ``issue_date``, ``year``, ``signer_name``,
    ``signer_position``, ``signing_authority`` and ``authority_position``.
    """

    _name = "tdkt.official.document"
    _description = "Official Document Printout"
    # Type abbreviation of the document (Decree 30/2020, appendix III).
    _tdkt_document_type = None

    @api.depends("number", "company_id.tdkt_agency_code")
    def _compute_symbol(self):
        for document in self:
            code = document.company_id.tdkt_agency_code
            kind = document._tdkt_document_type
            document.symbol = f"{kind}-{code}" if code else kind
            number = f"{document.number:02d}" if document.number else ""
            document.document_number = f"{number}/{document.symbol}"

    # States in which the document is signed and no longer a draft.
    _tdkt_signed_states = ("issued", "closed")

    def _tdkt_print_is_draft(self):
        self.ensure_one()
        return self.state not in self._tdkt_signed_states

    def _tdkt_print_number(self):
        """'Số: 01/KH-TTr', with room left for the number when not yet given."""
        self.ensure_one()
        if self.number:
            return f"Số: {self.document_number}"
        return f"Số:{NBSP * 10}/{self.symbol}"

    def _tdkt_print_date(self):
        """Place and date; days below 10 and months 1-2 get a leading zero."""
        self.ensure_one()
        place = self.place or NBSP * 10
        day = self.issue_date
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

    def _tdkt_print_roman(self, number):
        return roman(int(number))

    def _tdkt_print_units(self, units):
        """Units as a plan writes them: 'A; B và C'."""
        names = [name.strip() for name in units.mapped("name") if name]
        if len(names) > 1:
            return f"{'; '.join(names[:-1])} và {names[-1]}"
        return names[0] if names else ""

    def _tdkt_print_filename(self, prefix):
        """File name of the printout, e.g. 'KH_01-KH-TTr_2024'."""
        self.ensure_one()
        number = self.document_number if self.number else "DuThao"
        return f"{prefix}_{number.replace('/', '-')}_{self.year}"

    def _tdkt_next_number(self, code, template_xmlid):
        """Next free number of the agency's yearly register ``code``.

        Each agency gets its own copy of the template sequence the first time;
        numbers restart every year and skip those entered by hand.
        """
        self.ensure_one()
        # sudo: Office and Chief users have no rights on ir.sequence; the
        # sequence is only read and incremented here.
        sequences = self.env["ir.sequence"].sudo()
        sequence = sequences.search(
            [("code", "=", code), ("company_id", "=", self.company_id.id)], limit=1
        )
        if not sequence:
            template = self.env.ref(template_xmlid)
            # sudo: same reason; the agency's register is created once here.
            sequence = template.sudo().copy(
                {
                    "code": code,
                    "company_id": self.company_id.id,
                    "name": f"{template.name} ({self.company_id.name})",
                }
            )
        taken = set(
            self.with_context(active_test=False)
            .search([("company_id", "=", self.company_id.id), ("year", "=", self.year)])
            .mapped("number")
        )
        while True:
            number = int(sequence.next_by_id(sequence_date=date(self.year, 1, 1)))
            if number not in taken:
                return number
