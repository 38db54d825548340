from . import tdkt_access_mixin
from . import tdkt_official_document
from . import ir_actions_report
from . import tdkt_plan_line_mixin
from . import res_company
from . import tdkt_unit
from . import tdkt_plan
from . import tdkt_plan_legal_basis
from . import tdkt_plan_recipient
from . import tdkt_plan_task
# from . import tdkt_plan_review
# from . import tdkt_plan_review_line
