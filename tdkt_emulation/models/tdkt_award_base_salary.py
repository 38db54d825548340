from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .tdkt_official_document_mixin import GROUP_OFFICE

# Cash rewards are rounded up to the nearest 10,000 VND after multiplying
# (Decree 152/2025/NĐ-CP art. 49; the same rule under Decree 98/2023).
REWARD_ROUNDING = 10000


class TdktAwardBaseSalary(models.Model):
    """The base salary (mức lương cơ sở) from a date, as a decree sets it.

    A reward is its award's multiple of the base salary in force on the date
    of the award decision, rounded up to the nearest 10,000 VND.
    """

    _name = "tdkt.award.base.salary"
    _description = "Base Salary"
    _inherit = ["tdkt.access.mixin"]
    _order = "valid_from desc"
    _rec_name = "valid_from"
    _tdkt_text_limits = {"basis": 300}

    amount = fields.Integer(
        string="Monthly Amount (VND)", required=True, help="e.g. 2340000"
    )
    valid_from = fields.Date(required=True, index=True)
    basis = fields.Char(
        string="Legal Basis", required=True, help="e.g. 'Nghị định 73/2024/NĐ-CP'"
    )

    _sql_constraints = [
        (
            "valid_from_uniq",
            "unique(valid_from)",
            "A base salary already starts on this date.",
        ),
    ]

    @api.constrains("amount")
    def _check_amount(self):
        for salary in self:
            if salary.amount <= 0:
                raise ValidationError(
                    self.env._("The base salary must be a positive amount.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("set the base salary"))
        self._tdkt_check_vals(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("set the base salary"))
        self._tdkt_check_vals([vals])
        return super().write(vals)

    def unlink(self):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("set the base salary"))
        return super().unlink()

    @api.model
    def _tdkt_table(self):
        """[(valid_from, amount)], latest first: one query for many lines."""
        return [
            (salary.valid_from, salary.amount)
            # sudo: the national base salary, read to compute rewards
            for salary in self.sudo().search_fetch([], ["valid_from", "amount"])
        ]

    @api.model
    def _tdkt_amount_on(self, day, table=None):
        """The base salary in force on ``day``, or 0 when none is set."""
        for valid_from, amount in table if table is not None else self._tdkt_table():
            if valid_from <= day:
                return amount
        return 0

    @api.model
    def _tdkt_reward(self, multiple, day, table=None):
        """The cash reward of ``multiple`` on ``day``, rounded up to the
        nearest 10,000 VND; 0 without a multiple. A missing base salary is a
        clear error."""
        if not multiple:
            return 0
        base = self._tdkt_amount_on(day, table)
        if not base:
            raise UserError(
                self.env._(
                    "No base salary is set for %(date)s: the Office enters it "
                    "(with its decree) before the reward can be computed.",
                    date=day.strftime("%d/%m/%Y"),
                )
            )
        # Integer arithmetic: the multiple has two decimals.
        step = REWARD_ROUNDING * 100
        return -(-base * round(multiple * 100) // step) * REWARD_ROUNDING
