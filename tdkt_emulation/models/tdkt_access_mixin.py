from odoo import models
from odoo.exceptions import AccessError


class TdktAccessMixin(models.AbstractModel):
    """Group checks for workflow methods.

    Buttons hidden with ``groups=`` are only cosmetic: every public method can
    be called over RPC, so each workflow method checks the group itself.
    """

    _name = "tdkt.access.mixin"
    _description = "Emulation Access Checks"

    def _tdkt_check_group(self, group_xmlid, action):
        if self.env.su or self.env.user.has_group(group_xmlid):
            return
        group = self.env.ref(group_xmlid)
        raise AccessError(
            self.env._(
                "Only the group '%(group)s' may %(action)s.",
                group=group.name,
                action=action,
            )
        )
