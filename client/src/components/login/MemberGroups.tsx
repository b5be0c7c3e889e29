import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import { TAG_TONES } from '@/lib/tagTones';
import type { MemberGroup } from '@/hooks/useLogin';
import './login.scss';

interface Props {
  groups: MemberGroup[];
  expanded: Record<string, boolean>;
  pending: string | undefined;
  onToggle: (key: string) => void;
  onLogin: (memberId: string) => void;
}

/** Demo members by role; tap one to sign in as them. */
export function MemberGroups({ groups, expanded, pending, onToggle, onLogin }: Props) {
  return (
    <>
      {groups.map((g) => {
        const open = !!expanded[g.key];
        const shown = open ? g.members : g.members.slice(0, g.collapsedCount);
        const hidden = g.members.length - shown.length;
        return (
          <View key={g.key} className="login-group">
            <View className="login-group__head">
              <Text className="login-group__title">{g.title}</Text>
              <Tag round background={TAG_TONES.green.background} color={TAG_TONES.green.color}>{g.members.length} 位</Tag>
            </View>
            <CellGroup>
              {shown.map(({ member, detail }) => (
                <Cell
                  key={member.memberId}
                  className="login-member"
                  clickable
                  title={member.nickname}
                  description={detail}
                  extra={pending === member.memberId ? '登录中…' : '登录'}
                  onClick={() => onLogin(member.memberId)}
                />
              ))}
            </CellGroup>
            {hidden > 0 || (open && Number.isFinite(g.collapsedCount)) ? (
              <Button className="login-group__more" fill="none" size="small" block onClick={() => onToggle(g.key)}>
                {open ? '收起' : `展开全部 ${g.members.length} 位${g.title}`}
              </Button>
            ) : null}
          </View>
        );
      })}
    </>
  );
}
