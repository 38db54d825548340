from odoo import models


class TdktClusterCovenantTarget(models.Model):
    """A measurable target of a covenant, e.g. '100% đơn vị hoàn thành tốt
    nhiệm vụ trở lên'. A line of the covenant: it follows its rights and
    its lock."""

    _name = "tdkt.cluster.covenant.target"
    _inherit = "tdkt.document.line.mixin"
    _description = "Covenant Target"
