"""Before the data of 18.0.1.1.0 loads: plan lines become shared lines.

The xml ids of the old plan-only lines (demo data) are dropped: the data
files declare those lines again, on the shared models, with forcecreate off,
so an update does not create them a second time on an issued (locked) plan;
post-migration copies every old line, these included.
"""

OLD_LINE_MODELS = ("tdkt.plan.legal.basis", "tdkt.plan.recipient")


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "DELETE FROM ir_model_data WHERE module = 'tdkt_emulation' AND model IN %s",
        [OLD_LINE_MODELS],
    )
