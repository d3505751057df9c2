using System.Collections.Immutable;
using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// Where each bus lands on a device with <see cref="Channels"/> outputs, computed once per (re)open from
/// the <see cref="RoutingTable"/>: channels past the device's last fold onto it (<see cref="RoutingTable.Fold"/>)
/// and are summed there. A bus that lands twice on one channel (program L and R both folded) is added once.
/// Phone slots at or past <see cref="RoutingTable.PhoneSlots"/> have no channel of their own (they are in
/// the program mix). Lookup is by bus kind and slot, so any bus order in the block works without allocation.
/// </summary>
internal sealed class ChannelMap
{
    private static readonly int KindCount = Enum.GetValues<BusKind>().Length;
    private readonly int[][] _kindTargets;
    private readonly int[][] _phoneTargets;

    public ChannelMap(RoutingTable routing, int deviceChannels)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(deviceChannels);
        Channels = deviceChannels;
        var folded = ImmutableArray.CreateBuilder<string>();
        int[] Targets(BusId bus)
        {
            var channels = routing.ChannelsOf(bus);
            if (channels.Any(c => c > deviceChannels))
            {
                folded.Add(bus.Name);
            }

            return channels.Select(c => RoutingTable.Fold(Math.Max(c, 1), deviceChannels)).Distinct().ToArray();
        }

        _kindTargets = new int[KindCount][];
        _phoneTargets = new int[Math.Max(routing.PhoneSlots, 0)][];
        foreach (var kind in Enum.GetValues<BusKind>())
        {
            if (kind == BusKind.Phone)
            {
                _kindTargets[(int)kind] = [];
                for (var slot = 0; slot < _phoneTargets.Length; slot++)
                {
                    _phoneTargets[slot] = Targets(new BusId(BusKind.Phone, slot));
                }
            }
            else
            {
                _kindTargets[(int)kind] = Targets(new BusId(kind));
            }
        }

        FoldedBuses = folded.ToImmutable();
    }

    /// <summary>Device channels (interleave stride).</summary>
    public int Channels { get; }

    /// <summary>Floats in one interleaved block.</summary>
    public int BlockLength => Channels * AudioFormat.Studio.BlockSamples;

    /// <summary>Names of the buses folded onto the last channel.</summary>
    public ImmutableArray<string> FoldedBuses { get; }

    /// <summary>The 0-based device channels <paramref name="bus"/> goes to (empty: not routed).</summary>
    public ReadOnlySpan<int> TargetsOf(BusId bus)
    {
        var kind = (int)bus.Kind;
        if (bus.Kind == BusKind.Phone)
        {
            return (uint)bus.Slot < (uint)_phoneTargets.Length ? _phoneTargets[bus.Slot] : [];
        }

        return (uint)kind < (uint)_kindTargets.Length ? _kindTargets[kind] : [];
    }

    /// <summary>Sums every bus of <paramref name="block"/> into its channels of <paramref name="destination"/> (interleaved, cleared first).</summary>
    public void Interleave(MixBlock block, Span<float> destination)
    {
        destination = destination[..BlockLength];
        destination.Clear();
        var stride = Channels;
        var buses = block.Buses;
        for (var i = 0; i < buses.Length; i++)
        {
            var source = block[i];
            foreach (var channel in TargetsOf(buses[i]))
            {
                var d = destination[channel..];
                for (var n = 0; n < source.Length; n++)
                {
                    d[n * stride] += source[n];
                }
            }
        }
    }
}
