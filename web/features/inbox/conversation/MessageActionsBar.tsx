import { ActionIcon, Group, Menu, Tooltip } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChannelKind } from "../../../../common/inbox";
import { IconDots, IconPencil, IconReply, IconTrash } from "../../../ui/icons";
import { channelKindName } from "../ChannelIcon";
import type { DeleteAction } from "./messageActions";
import classes from "./Timeline.module.css";

interface Props {
  /** Who wrote the message, as the timeline names them. */
  author: string;
  reply: boolean;
  edit: boolean;
  remove: DeleteAction;
  /** Whose rules apply (e.g. Telegram's delete window). */
  channelKind: ChannelKind;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** Delete, or (past the messenger's window) the same item disabled, saying why; reachable by keyboard either way. */
const DeleteItem = ({
  remove,
  canEdit,
  channelKind,
  onDelete,
}: {
  remove: NonNullable<DeleteAction>;
  canEdit: boolean;
  channelKind: ChannelKind;
  onDelete: () => void;
}) => {
  const { t } = useTranslation();
  const reasonId = useId();
  if (remove.state === "allowed") {
    return (
      <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
        {t("message.delete")}
      </Menu.Item>
    );
  }
  const reason = t(canEdit ? "message.deleteWindowPassedEdit" : "message.deleteWindowPassed", {
    messenger: channelKindName[channelKind],
    count: remove.hours,
  });
  return (
    <Tooltip
      label={reason}
      multiline
      w={260}
      withArrow
      position="left"
      events={{ hover: true, focus: true, touch: true }}
    >
      <Menu.Item
        leftSection={<IconTrash size={14} />}
        aria-disabled="true"
        aria-label={t("message.delete")}
        aria-describedby={reasonId}
        closeMenuOnClick={false}
        c="dimmed"
        style={{ cursor: "not-allowed" }}
        onClick={(event) => event.preventDefault()}
      >
        {t("message.delete")}
        <span id={reasonId} className="visually-hidden">
          {reason}
        </span>
      </Menu.Item>
    </Tooltip>
  );
};

/**
 * The actions of one message, shown on hover or keyboard focus of its line: Reply, and for the manager's own
 * messages a menu with Edit and Delete (where the messenger allows them).
 */
export const MessageActionsBar = ({ author, reply, edit, remove, channelKind, onReply, onEdit, onDelete }: Props) => {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  if (!reply && !edit && !remove) return null;
  return (
    <Group gap={2} wrap="nowrap" className={classes.actions} data-open={menuOpen || undefined}>
      {reply && (
        <Tooltip label={t("message.reply")} withArrow openDelay={300}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={onReply}
            aria-label={t("message.replyTo", { name: author })}
          >
            <IconReply size={14} />
          </ActionIcon>
        </Tooltip>
      )}
      {(edit || remove) && (
        <Menu position="bottom-end" withinPortal opened={menuOpen} onChange={setMenuOpen} width={200}>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t("message.more")}
              data-testid="message-actions"
            >
              <IconDots size={14} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {edit && (
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                {t("message.edit")}
              </Menu.Item>
            )}
            {remove && <DeleteItem remove={remove} canEdit={edit} channelKind={channelKind} onDelete={onDelete} />}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
};
