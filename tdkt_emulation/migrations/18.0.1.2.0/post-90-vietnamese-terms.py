"""Vietnamese terms of this version replace the previous ones.

The role "Office" no longer reads "Văn phòng" (which users read as the unit
of that name) but "Thường trực TĐKT", in its name and in every message that
names it. A module update keeps translations already in the database, so
this step reloads the module's Vietnamese terms over them.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    if env["res.lang"]._lang_get("vi_VN"):
        env["ir.module.module"]._load_module_terms(
            ["tdkt_emulation"], ["vi_VN"], overwrite=True
        )
