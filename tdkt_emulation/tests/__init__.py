from . import test_access
from . import test_demo
from . import test_kanban_tour
from . import test_plan
from . import test_plan_task
from . import test_query_budget
from . import test_tour_journeys
from . import test_views
