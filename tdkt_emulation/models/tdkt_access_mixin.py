from odoo import models
from odoo.exceptions import AccessError, UserError


class TdktAccessMixin(models.AbstractModel):
    """Checks every tdkt model makes itself, whatever path calls it.

    Buttons hidden with ``groups=`` and fields shown read-only are only
    cosmetic: every public method and every field can be reached over RPC.
    """

    _name = "tdkt.access.mixin"
    _description = "Emulation Access Checks"
    # Longest text (characters) of fields that reach a printout.
    _tdkt_text_limits = {}

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

    def _tdkt_check_vals(self, vals_list):
        """Refuse writes to mirrors of other records and oversized text.

        A stored related field (a task's plan status, a line's agency) is a
        copy: writing it would write the record it mirrors, behind that
        record's own checks. Text that reaches a printout is bounded so that
        a document stays printable.
        """
        for vals in vals_list:
            for name, value in vals.items():
                field = self._fields.get(name)
                if field is None:
                    continue
                if field.related and not self.env.su:
                    raise UserError(
                        self.env._(
                            "'%(field)s' follows another record and cannot be "
                            "changed here.",
                            field=field._description_string(self.env),
                        )
                    )
                limit = self._tdkt_text_limits.get(name)
                if limit and isinstance(value, str) and len(value) > limit:
                    # Numbers formatted outside the call: string literals in
                    # its arguments hide the message from the translation export.
                    length = f"{len(value):,}".replace(",", ".")
                    maximum = f"{limit:,}".replace(",", ".")
                    raise UserError(
                        self.env._(
                            "'%(field)s' is too long: %(length)s characters, at most "
                            "%(limit)s.",
                            field=field._description_string(self.env),
                            length=length,
                            limit=maximum,
                        )
                    )
