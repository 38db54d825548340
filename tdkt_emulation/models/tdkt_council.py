from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TdktCouncil(models.Model):
    """The agency's emulation and commendation council (Hội đồng Thi đua -
    Khen thưởng) for a period, as set up by its founding decision.

    Its members are users (with the employee behind them) in a role; the
    right to vote in a session comes from this membership, not from the
    user's group.
    """

    _name = "tdkt.council"
    _description = "Emulation and Commendation Council"
    _inherit = ["mail.thread", "tdkt.access.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _tdkt_text_limits = {
        "name": 300,
        "founding_decision_number": 100,
        "founding_decision_issuer": 300,
    }

    name = fields.Char(
        required=True,
        tracking=True,
        default="Hội đồng Thi đua - Khen thưởng",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)
    date_from = fields.Date(string="Period From", required=True, tracking=True)
    date_to = fields.Date(string="Period To", tracking=True)
    founding_decision_number = fields.Char(
        string="Founding Decision No.",
        tracking=True,
        help="Number of the decision that set the council up, e.g. '12/QĐ-TTr'.",
    )
    founding_decision_date = fields.Date(string="Founding Decision Date")
    founding_decision_issuer = fields.Char(
        string="Issued By",
        help="Who issued the founding decision, e.g. 'Chánh Thanh tra tỉnh'.",
    )
    founding_decision = fields.Char(
        compute="_compute_founding_decision",
        help="The founding decision as cited: 'Quyết định số … ngày … của …'.",
    )
    member_ids = fields.One2many("tdkt.council.member", "council_id", string="Members")
    member_count = fields.Integer(compute="_compute_member_count")
    session_ids = fields.One2many(
        "tdkt.council.session", "council_id", string="Sessions"
    )

    @api.depends(
        "founding_decision_number", "founding_decision_date", "founding_decision_issuer"
    )
    def _compute_founding_decision(self):
        for council in self:
            parts = []
            if council.founding_decision_number:
                parts.append(f"Quyết định số {council.founding_decision_number}")
            if council.founding_decision_date:
                parts.append(
                    f"ngày {council.founding_decision_date.strftime('%d/%m/%Y')}"
                )
            if council.founding_decision_issuer:
                parts.append(f"của {council.founding_decision_issuer}")
            council.founding_decision = " ".join(parts) or False

    @api.depends("member_ids")
    def _compute_member_count(self):
        for council in self:
            council.member_count = len(council.member_ids)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for council in self:
            if council.date_to and council.date_to < council.date_from:
                raise ValidationError(
                    self.env._(
                        "The period of '%(council)s' ends before it starts.",
                        council=council.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_vals(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_vals([vals])
        return super().write(vals)
