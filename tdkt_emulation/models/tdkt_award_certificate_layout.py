from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .tdkt_official_document_mixin import GROUP_OFFICE

# The blocks printed on a certificate and their default position (mm from the
# top left corner of an A4 landscape sheet, 297 × 210 mm), as the agency's
# pre-printed blanks put them (domain notes §4: the emblem and the national
# motto are pre-printed; the blocks below are filled in).
CERTIFICATE_BLOCKS = {
    "heading": (45, 48),
    "name": (92, 48),
    "position": (106, 48),
    "achievement": (120, 48),
    "reference": (165, 30),
    "signature": (138, 170),
}


class TdktAwardCertificateLayout(models.Model):
    """Where an agency prints each block of its certificates (Giấy khen,
    CSTĐCS certificate), to fill its pre-printed blanks: top and left offsets
    in millimetres on an A4 landscape sheet."""

    _name = "tdkt.award.certificate.layout"
    _description = "Certificate Layout"
    _inherit = ["tdkt.access.mixin"]
    _rec_name = "company_id"
    _check_company_auto = True
    _tdkt_text_limits = {"issuer_title": 200}

    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    issuer_title = fields.Char(
        string="Conferred By",
        help="The first line of the certificate, e.g. 'CHÁNH THANH TRA TỈNH "
        "LẠNG SƠN'; the signer's position when empty.",
    )
    text_width = fields.Integer(
        string="Text Width (mm)", default=200, help="Width of the centred blocks."
    )
    heading_top = fields.Integer(default=CERTIFICATE_BLOCKS["heading"][0])
    heading_left = fields.Integer(default=CERTIFICATE_BLOCKS["heading"][1])
    name_top = fields.Integer(default=CERTIFICATE_BLOCKS["name"][0])
    name_left = fields.Integer(default=CERTIFICATE_BLOCKS["name"][1])
    position_top = fields.Integer(default=CERTIFICATE_BLOCKS["position"][0])
    position_left = fields.Integer(default=CERTIFICATE_BLOCKS["position"][1])
    achievement_top = fields.Integer(default=CERTIFICATE_BLOCKS["achievement"][0])
    achievement_left = fields.Integer(default=CERTIFICATE_BLOCKS["achievement"][1])
    reference_top = fields.Integer(default=CERTIFICATE_BLOCKS["reference"][0])
    reference_left = fields.Integer(default=CERTIFICATE_BLOCKS["reference"][1])
    signature_top = fields.Integer(default=CERTIFICATE_BLOCKS["signature"][0])
    signature_left = fields.Integer(default=CERTIFICATE_BLOCKS["signature"][1])

    _sql_constraints = [
        (
            "company_uniq",
            "unique(company_id)",
            "The agency already has its certificate layout.",
        ),
    ]

    @api.constrains(
        "text_width",
        *[
            f"{block}_{side}"
            for block in CERTIFICATE_BLOCKS
            for side in ("top", "left")
        ],
    )
    def _check_positions(self):
        for layout in self:
            for block in CERTIFICATE_BLOCKS:
                top, left = layout[f"{block}_top"], layout[f"{block}_left"]
                if not (0 <= top <= 200 and 0 <= left <= 287):
                    raise ValidationError(
                        self.env._(
                            "A block of the certificate must stay on the sheet "
                            "(A4 landscape: 297 × 210 mm)."
                        )
                    )
            if not 20 <= layout.text_width <= 297:
                raise ValidationError(
                    self.env._("The text width must be between 20 and 297 mm.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("set the certificate layout"))
        self._tdkt_check_vals(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("set the certificate layout"))
        self._tdkt_check_vals([vals])
        return super().write(vals)

    @api.model
    def _tdkt_for(self, company):
        """The layout of ``company``: its own, or the default positions."""
        layout = self.search([("company_id", "=", company.id)], limit=1)
        return layout or self.new({"company_id": company.id})

    def _tdkt_style(self, block, width=True):
        """Inline CSS placing ``block`` on the sheet."""
        self.ensure_one()
        style = (
            f"position: absolute; top: {self[f'{block}_top']}mm; "
            f"left: {self[f'{block}_left']}mm;"
        )
        if width:
            style += f" width: {self.text_width}mm;"
        return style
