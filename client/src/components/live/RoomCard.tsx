import { Text, View } from '@tarojs/components';
import type { LiveRoomItem } from '@/hooks/useLiveRooms';
import { formatCount } from '@/lib/format';
import { RoomStateTag } from './RoomStateTag';
import { scheduleText } from './liveText';
import './live.scss';

/** One room in the list: name, state, schedule, online now, coupons on the shelf. */
export function RoomCard({ room, onOpen }: { room: LiveRoomItem; onOpen: (r: LiveRoomItem) => void }) {
  return (
    <View className="live-room-card" onClick={() => onOpen(room)}>
      <View className="live-room-card__head">
        <Text className="live-room-card__name">{room.name}</Text>
        <RoomStateTag state={room.state} />
      </View>
      <Text className="live-room-card__meta">主播 {room.hostName} · {scheduleText(room.startAt, room.endAt)}</Text>
      <View className="live-room-card__foot">
        {room.state === 'LIVE' || room.state === 'PAUSED' ? (
          <Text className="live-room-card__figure">
            在线 <Text className="live-room-card__online">{formatCount(room.online)}</Text> 人
          </Text>
        ) : (
          <Text className="live-room-card__figure">{room.state === 'ENDED' ? '直播已结束' : '未开播'}</Text>
        )}
        <Text className="live-room-card__figure">已上架 {room.onShelfCount} / 3</Text>
        <Text className="live-room-card__go">进入控制台 ›</Text>
      </View>
    </View>
  );
}
