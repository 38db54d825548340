"""The Labour Order is now one award type per class (hạng Nhất, Nhì, Ba).

The two entries of the previous version ("Huân chương Lao động (hạng Nhất,
Nhì, Ba)" for persons and for collectives) are archived, not deleted: a
registration or a history line may still name them.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for name in ("huan_chuong_lao_dong_cn", "huan_chuong_lao_dong_tt"):
        award = env.ref(f"tdkt_emulation.tdkt_award_type_{name}", False)
        if award:
            award.active = False
