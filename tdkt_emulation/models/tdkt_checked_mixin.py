from odoo import api, models


class TdktCheckedMixin(models.AbstractModel):
    """A record whose every create and write goes through the access mixin's
    checks of the values (mirrors of other records, oversized text), for
    models without a create or write of their own that does it."""

    _name = "tdkt.checked.mixin"
    _inherit = "tdkt.access.mixin"
    _description = "Emulation Checked Values"

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_vals(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_vals([vals])
        return super().write(vals)
