from . import test_query_budget
from . import test_tour_journeys
