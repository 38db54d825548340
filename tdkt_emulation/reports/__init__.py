from . import tdkt_plan_task_xlsx
from . import tdkt_plan_progress_xlsx
from . import tdkt_registration_rollup_xlsx
from . import tdkt_registration_rollup_report
from . import tdkt_cluster_score_xlsx
from . import tdkt_award_record_xlsx
from . import tdkt_award_proposal_xlsx
from . import tdkt_award_achievement_report
