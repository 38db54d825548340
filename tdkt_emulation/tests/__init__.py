from . import test_plan_printout
from . import test_xlsx_reports
from . import test_plan_review
