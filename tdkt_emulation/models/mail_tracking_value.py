from odoo import models


class MailTrackingValue(models.Model):
    _inherit = "mail.tracking.value"

    def _tracking_value_format_model(self, model):
        """Years of emulation records read '2024 → 2025' in the chatter, not
        '2.024 → 2.025' (the chatter formats integers with thousands
        separators)."""
        formatted = super()._tracking_value_format_model(model)
        if model and model.startswith("tdkt."):
            for value in formatted:
                if value["fieldName"] == "year" and value["fieldType"] == "integer":
                    value["fieldType"] = "char"
                    for side in ("oldValue", "newValue"):
                        year = value[side]["value"]
                        value[side]["value"] = str(year) if year else ""
        return formatted
