"""One transition table for every record with a lifecycle.

The official documents (``tdkt.official.document.mixin``) and the records
that move through states of their own without being a document (an award
proposal) declare their moves as rows of a table: the buttons, ``write()``
with a new state and the reason dialog all go through it, and the group of
each move is checked in Python whatever path calls it.
"""

from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import UserError

GROUP_USER = "tdkt_emulation.group_tdkt_user"
GROUP_COUNCIL = "tdkt_emulation.group_tdkt_council"
GROUP_OFFICE = "tdkt_emulation.group_tdkt_office"
GROUP_CHIEF = "tdkt_emulation.group_tdkt_chief"

# One row of a transition table.
#   action       name of the move (button ``action_<name>``)
#   from_states  states the move starts from
#   to_state     state it leads to
#   group        xml id of the group that may make it; None: the model's
#                ``_tdkt_issue_group`` (the group that issues)
#   check        method run before the move (readiness), or None
#   effects      side effects: "number" (from the yearly register), "date"
#                (issue date, today if empty), "revision" (new signed copy),
#                "internal" (the move is made only by another record's move,
#                e.g. a proposal decided when its decision is issued: no
#                button, and ``write({'state': …})`` refuses it)
#   reason       a reason is required, and kept in the chatter
Transition = namedtuple(
    "Transition",
    "action from_states to_state group check effects reason",
    defaults=(None, None, (), False),
)


class TdktWorkflowMixin(models.AbstractModel):
    _name = "tdkt.workflow.mixin"
    _inherit = ["mail.thread", "tdkt.access.mixin"]
    _description = "Lifecycle by Transition Table"

    # Marks the models whose moves the reason dialog may make.
    _tdkt_has_workflow = True
    # States the type uses, first one initial; the table keeps their rows.
    _tdkt_states = ()
    # The group of a row that names none.
    _tdkt_issue_group = GROUP_CHIEF

    # Rows of the table: the shared lifecycle (or none, for a type with a
    # lifecycle of its own), then the type's own moves, e.g. a movement's
    # ``Transition("launch", ("draft",), "launched", …)`` for states added
    # to ``state`` with ``selection_add``.
    _tdkt_base_transitions = ()
    _tdkt_extra_transitions = ()

    allowed_actions = fields.Char(
        compute="_compute_allowed_actions",
        help="Moves of the lifecycle the current user may make now, for the buttons.",
    )
    allowed_moves = fields.Char(
        compute="_compute_allowed_actions",
        help="The same moves for a kanban grouped by status: "
        "'status:move:reason' (reason 1 when the move asks for one).",
    )

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_allowed_actions(self):
        for record in self:
            rows = record._tdkt_allowed_rows()
            record.allowed_actions = " ".join(row.action for row in rows)
            record.allowed_moves = " ".join(
                f"{row.to_state}:{row.action}:{int(bool(row.reason))}" for row in rows
            )

    @classmethod
    def _tdkt_transitions(cls):
        """The transition table of this document type: the base and extra
        rows, limited to the states the type uses."""
        states = cls._tdkt_states
        table = []
        for row in cls._tdkt_base_transitions + tuple(cls._tdkt_extra_transitions):
            from_states = tuple(state for state in row.from_states if state in states)
            if row.to_state in states and from_states:
                table.append(row._replace(from_states=from_states))
        return tuple(table)

    def _tdkt_allowed_rows(self):
        """Rows of the table the current user may make from the state, for
        the buttons and the kanban (the table checks them again on the
        server)."""
        self.ensure_one()
        user = self.env.user
        return [
            row
            for row in self._tdkt_transitions()
            if self.state in row.from_states
            and "internal" not in row.effects
            and user.has_group(row.group or self._tdkt_issue_group)
        ]

    def _tdkt_write_state_change(self, new_state):
        """``write({'state': …})`` from a client: the same move as the button."""
        for document in self:
            if document.state == new_state:
                continue
            rows = [
                row
                for row in self._tdkt_transitions()
                if document.state in row.from_states and row.to_state == new_state
            ]
            if not rows:
                raise UserError(document._tdkt_no_transition_message())
            if "internal" in rows[0].effects:
                raise UserError(
                    self.env._(
                        "'%(document)s' takes this status only from the document "
                        "that decides it.",
                        document=document.display_name,
                    )
                )
            if rows[0].reason:
                raise UserError(
                    self.env._(
                        "'%(document)s': this change needs a reason; use the "
                        "button on the document.",
                        document=document.display_name,
                    )
                )
            document._tdkt_do(rows[0].action)

    # --- the transition table -------------------------------------------------
    def _tdkt_no_transition_message(self):
        states = dict(self._fields["state"]._description_selection(self.env))
        return self.env._(
            "'%(document)s' cannot do this while it is %(state)s.",
            document=self.display_name,
            state=states[self.state].lower(),
        )

    def _tdkt_check_move(self, action):
        """The row of ``action`` from this document's state, once the user's
        right to make it is checked."""
        self.ensure_one()
        row = self._tdkt_row(action)
        self._tdkt_check_group(
            row.group or self._tdkt_issue_group,
            f"{self._tdkt_action_label(action)} '{self.display_name}'",
        )
        self.check_access("write")
        return row

    def _tdkt_action_label(self, action):
        """The move in the user's words, for messages."""
        return {
            "submit": self.env._("submit"),
            "issue": self.env._("issue"),
            "return": self.env._("return"),
            "close": self.env._("close"),
            "reopen": self.env._("reopen"),
            "cancel": self.env._("cancel"),
            "reset": self.env._("reset to draft"),
        }.get(action, action)

    def _tdkt_row(self, action):
        """The row of ``action`` that starts from this document's state."""
        self.ensure_one()
        for row in self._tdkt_transitions():
            if row.action == action and self.state in row.from_states:
                return row
        raise UserError(self._tdkt_no_transition_message())

    def _tdkt_do(self, action, reason=None):
        """Make the move ``action`` on every document, checked by the table.

        Returns True, or the reason dialog when the move needs a reason and
        none was given.
        """
        for document in self:
            row = document._tdkt_check_move(action)
            if row.reason and not (reason or "").strip():
                return self._tdkt_reason_dialog(action)
            if row.check:
                getattr(document, row.check)()
            vals = {"state": row.to_state}
            vals.update(document._tdkt_effects(row))
            document._tdkt_write_locked_fields(vals)
            document._tdkt_post_transition(row, reason)
            document._tdkt_hand_off(row, reason)
        return True

    def _tdkt_effects(self, row):
        """Values the move writes besides the state."""
        return {}

    def _tdkt_write_locked_fields(self, vals):
        """Write what only the lifecycle writes (the state and its effects).

        Called after the table's checks. sudo: ``write()`` refuses these
        fields to any client; the superuser flag cannot be set over RPC, so
        this is the only way in.
        """
        self.ensure_one()
        self.sudo().write(vals)  # sudo: see docstring
        self.flush_recordset()

    def _tdkt_transition_message(self, row):
        states = dict(self._fields["state"]._description_selection(self.env))
        return self.env._("Status: %(state)s.", state=states[row.to_state])

    def _tdkt_post_transition(self, row, reason):
        body = self._tdkt_transition_message(row)
        if reason:
            body = self.env._("%(body)s Reason: %(reason)s", body=body, reason=reason)
        self.message_post(body=body)

    def _tdkt_hand_off(self, row, reason):
        """Tell who acts next after a move (activities); nothing by default."""

    def _tdkt_form_action(self):
        """The window action that opens this document's form."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _tdkt_reason_dialog(self, action, message=None):
        """The dialog asking the reason of ``action`` (and showing
        ``message``, e.g. what the move leaves unfinished)."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reason"),
            "res_model": "tdkt.document.reason.wizard",
            "view_mode": "form",
            # Views given: a kanban's drop opens it from an RPC's answer.
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_ids": str(self.ids),
                "default_action": action,
                "default_message": message or False,
            },
        }
