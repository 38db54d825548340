from . import test_plan_printout
