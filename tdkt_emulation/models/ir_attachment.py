from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    tdkt_signed_copy = fields.Boolean(
        string="Signed Copy of an Official Document",
        readonly=True,
        copy=False,
        help="The archived PDF of an issued document: nobody may change or "
        "delete it; a new issue of the document archives a new copy.",
    )

    def _tdkt_refuse(self):
        raise AccessError(
            self.env._(
                "The signed copy of an issued document cannot be changed or "
                "deleted; re-issue the document to archive a new copy."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        # Only the lifecycle (in sudo, which no client can reach) marks a
        # signed copy: a planted file can never pass for one.
        if not self.env.su and any(vals.get("tdkt_signed_copy") for vals in vals_list):
            self._tdkt_refuse()
        return super().create(vals_list)

    def write(self, vals):
        if self._tdkt_has_signed_copy():
            self._tdkt_refuse()
        return super().write(vals)

    def unlink(self):
        if self._tdkt_has_signed_copy() and not self._tdkt_uninstalling():
            self._tdkt_refuse()
        return super().unlink()

    def _tdkt_has_signed_copy(self):
        if not self.ids:
            return False
        # sudo: the flag must be seen whatever the user's rights on the
        # attachment; only ids are read.
        return bool(
            self.sudo().search_count(  # sudo: read the flag only
                [("id", "in", self.ids), ("tdkt_signed_copy", "=", True)], limit=1
            )
        )

    def _tdkt_uninstalling(self):
        """Removing the addon itself removes its documents' copies.

        The flag alone proves nothing (a client can send any context); with
        the superuser, which no client can be, it is the uninstall.
        """
        return self.env.su and self.env.context.get(MODULE_UNINSTALL_FLAG)
