from . import tdkt_xlsx_import_mixin
from . import tdkt_document_reason_wizard
from . import tdkt_plan_task_not_applicable_wizard
from . import tdkt_registration_import
from . import tdkt_plan_task_done_wizard
from . import tdkt_award_record_import
from . import tdkt_council_written_opinion_wizard
