from . import tdkt_document_reason_wizard
