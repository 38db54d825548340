from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .tdkt_award_type import CONFIDENCES

RULE_KINDS = [
    ("registration", "Registration"),
    ("prerequisite", "Prerequisite"),
    ("eligibility", "Eligibility Check"),
    ("exclusion", "Exclusion"),
    ("counted_period", "Counted Period"),
    ("vote_threshold", "Vote Threshold"),
    ("ratio_cap", "Ratio Cap"),
    ("deadline", "Deadline"),
    ("citation", "Legal Basis Cited by Decisions"),
]
# Legal regimes by the date they start (see the domain notes).
REGIMES = [
    ("r1", "R1: Law 2022, Decree 98/2023 (2024-01-01 to 2025-06-30)"),
    ("r2", "R2: Decree 152/2025, Circular 15/2025 (from 2025-07-01)"),
    ("r3", "R3: amended Law 06/2026 (from 2026-10-01)"),
]
REGIME_STARTS = (
    ("r3", date(2026, 10, 1)),
    ("r2", date(2025, 7, 1)),
    ("r1", date(2024, 1, 1)),
)


class TdktLegalRule(models.Model):
    """A rule of emulation and commendation work, dated and with its basis.

    The law changes: a 2024 registration is judged by the rules valid in
    2024. A rule found in no legal text is the agency's configuration and
    says so.
    """

    _name = "tdkt.legal.rule"
    _description = "Legal Rule"
    _inherit = ["tdkt.checked.mixin"]
    _order = "kind, code, valid_from, id"
    _rec_names_search = ["code", "name"]
    _tdkt_text_limits = {
        "code": 60,
        "name": 500,
        "document": 300,
        "article": 60,
        "clause": 60,
        "note": 5000,
    }

    code = fields.Char(
        required=True,
        index=True,
        help="The same code for the versions of one rule in several periods.",
    )
    name = fields.Char(string="Rule", required=True)
    kind = fields.Selection(RULE_KINDS, required=True, default="registration")
    award_type_ids = fields.Many2many(
        "tdkt.award.type", string="Titles and Forms", help="Empty: all of them."
    )
    is_agency_config = fields.Boolean(
        string="Agency Configuration",
        help="Found in no legal text: the agency's own rule.",
    )
    document = fields.Char(string="Legal Document")
    article = fields.Char()
    clause = fields.Char()
    basis = fields.Char(compute="_compute_basis", help="The rule's legal basis.")
    valid_from = fields.Date(required=True, index=True)
    valid_to = fields.Date(index=True)
    regime = fields.Selection(REGIMES, compute="_compute_regime", store=True)
    confidence = fields.Selection(CONFIDENCES, required=True, default="B")
    value = fields.Float(
        digits=(6, 2), help="Number the rule sets, e.g. 0.8 for 80 % of votes."
    )
    note = fields.Text()
    active = fields.Boolean(default=True)

    @api.depends("document", "article", "clause", "is_agency_config")
    @api.depends_context("lang")
    def _compute_basis(self):
        for rule in self:
            if rule.is_agency_config and not rule.document:
                rule.basis = self.env._("Agency configuration (no legal text found)")
                continue
            parts = [
                part
                for part in (
                    rule.clause and f"khoản {rule.clause}",
                    rule.article and f"Điều {rule.article}",
                    rule.document,
                )
                if part
            ]
            rule.basis = " ".join(parts)

    @api.depends("valid_from")
    def _compute_regime(self):
        for rule in self:
            rule.regime = next(
                (
                    regime
                    for regime, start in REGIME_STARTS
                    if rule.valid_from and rule.valid_from >= start
                ),
                False,
            )

    @api.depends("code", "name", "valid_from", "valid_to")
    def _compute_display_name(self):
        for rule in self:
            end = rule.valid_to.strftime("%d/%m/%Y") if rule.valid_to else "…"
            start = rule.valid_from.strftime("%d/%m/%Y") if rule.valid_from else "…"
            rule.display_name = f"{rule.name} ({start} - {end})"

    @api.constrains("valid_from", "valid_to")
    def _check_dates(self):
        for rule in self:
            if rule.valid_to and rule.valid_to < rule.valid_from:
                raise ValidationError(
                    self.env._(
                        "The rule '%(rule)s' ends before it starts.", rule=rule.name
                    )
                )

    @api.model
    def _tdkt_rule(self, code, on_date):
        """The version of rule ``code`` valid on ``on_date``, or an empty set."""
        return self.search(
            [
                ("code", "=", code),
                ("valid_from", "<=", on_date),
                "|",
                ("valid_to", "=", False),
                ("valid_to", ">=", on_date),
            ],
            order="valid_from desc",
            limit=1,
        )
