from odoo import api, fields, models
from odoo.exceptions import ValidationError

AWARD_KINDS = [
    ("title", "Emulation Title"),
    ("form", "Form of Commendation"),
]
AWARD_SUBJECTS = [
    ("individual", "Individual"),
    ("collective", "Collective"),
]
CONFERRING_LEVELS = [
    ("unit", "Head of the Agency or Unit"),
    ("ministry_province", "Ministry or Province"),
    ("government", "Government or Prime Minister"),
    ("state", "State President"),
    ("sector", "Sector (ministry-level body)"),
]
CONFIDENCES = [
    ("A", "A - official text"),
    ("B", "B - reputable secondary source"),
    ("C", "C - third party or repealed rule"),
]


class TdktAwardType(models.Model):
    """An emulation title or a form of commendation of the catalogue.

    Shipped as data (Law 06/2022/QH15 and its decrees); administrators may
    edit it and add their own (a sector's award). A form that both persons
    and collectives receive is two entries, one per subject, since the
    reward differs.
    """

    _name = "tdkt.award.type"
    _description = "Award Type"
    _inherit = ["tdkt.checked.mixin"]
    _order = "sequence, id"
    _rec_names_search = ["code", "name"]
    _tdkt_text_limits = {
        "code": 40,
        "name": 200,
        "conferring_authority": 500,
        "legal_basis": 1000,
        "criteria": 5000,
    }

    code = fields.Char(required=True, index=True)
    name = fields.Char(string="Vietnamese Name", required=True, translate=False)
    name_en = fields.Char(string="English Name")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(AWARD_KINDS, required=True, default="title")
    subject = fields.Selection(AWARD_SUBJECTS, required=True, default="individual")
    conferring_level = fields.Selection(
        CONFERRING_LEVELS, required=True, default="unit"
    )
    conferring_authority = fields.Char(help="Who confers it, in the law's words.")
    reward_multiple = fields.Float(
        digits=(4, 2),
        help="Cash reward as a multiple of the base salary (mức lương cơ sở) "
        "in force on the date of the award decision; empty when the law "
        "gives none.",
    )
    legal_basis = fields.Char(
        help="Articles of the law, decrees and circulars it rests on."
    )
    criteria = fields.Text(help="Criteria in short, in our own words.")
    confidence = fields.Selection(
        CONFIDENCES,
        help="How sure the source of this entry is: A official text, B a "
        "reputable secondary source quoting the article, C a third party or "
        "a repealed rule.",
    )
    is_agency_defined = fields.Boolean(
        string="Added by the Agency",
        help="Entry added by the agency, not shipped with the catalogue.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        index=True,
        help="Agency whose own award this is; empty for the national catalogue.",
    )

    _sql_constraints = [
        (
            "code_uniq",
            "unique(code, company_id)",
            "An award type with this code already exists.",
        ),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for award in self:
            award.display_name = (
                f"{award.name} ({award.code})" if award.code else award.name or ""
            )

    @api.constrains("reward_multiple")
    def _check_reward_multiple(self):
        for award in self:
            if award.reward_multiple < 0:
                raise ValidationError(
                    self.env._(
                        "The reward multiple of '%(award)s' cannot be negative.",
                        award=award.display_name,
                    )
                )
