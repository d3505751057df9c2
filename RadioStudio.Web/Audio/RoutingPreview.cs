using System.Collections.Immutable;
using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Web.Audio;

/// <summary>One bus of the preview: the channels asked for and where they land on the device.</summary>
/// <param name="Bus">The bus.</param>
/// <param name="Requested">The 1-based channels the table routes the bus to.</param>
/// <param name="Landed">The 1-based device channels it lands on after folding (the same as requested with no device).</param>
/// <param name="Folded">True when at least one channel is past the device's last and folds onto it.</param>
/// <param name="Shared">True when another source asks for one of its channels too.</param>
/// <param name="SummedWithFolded">True when the bus is not folded itself but sits on the last channel the folded buses land on.</param>
public sealed record RoutingPreviewRow(BusId Bus, ImmutableArray<int> Requested, ImmutableArray<int> Landed, bool Folded, bool Shared = false, bool SummedWithFolded = false);

/// <summary>
/// What a routing table does on a device with a given number of outputs, for the settings page: each bus,
/// the channels it lands on (folding as the engine does, <see cref="RoutingTable.Fold"/>), and warnings for
/// folded buses and for channels two sources share.
/// </summary>
public sealed class RoutingPreview
{
    private RoutingPreview(ImmutableArray<RoutingPreviewRow> rows, ImmutableArray<string> foldedBuses, string? foldWarning, ImmutableArray<string> shared)
    {
        Rows = rows;
        FoldedBuses = foldedBuses;
        FoldWarning = foldWarning;
        SharedChannels = shared;
    }

    /// <summary>True when the device's channel count is known and smaller than the table needs, so some buses land elsewhere.</summary>
    public bool Folds => !FoldedBuses.IsEmpty;

    /// <summary>Every bus, in the mix's order (host, AI, phones, music, SFX, ads, program).</summary>
    public ImmutableArray<RoutingPreviewRow> Rows { get; }

    /// <summary>Names of the buses folded onto the device's last channel (empty when nothing folds or there is no device).</summary>
    public ImmutableArray<string> FoldedBuses { get; }

    /// <summary>"music, sfx, ads, program fold onto channel 8 …", or null when nothing folds.</summary>
    public string? FoldWarning { get; }

    /// <summary>One line per channel two or more sources ask for ("Channel 9 carries music and sfx.").</summary>
    public ImmutableArray<string> SharedChannels { get; }

    /// <summary>Builds the preview of <paramref name="table"/> on a device with <paramref name="deviceChannels"/> outputs (null: no device, or not known).</summary>
    public static RoutingPreview Build(RoutingTable table, int? deviceChannels)
    {
        ArgumentNullException.ThrowIfNull(table);
        var buses = new List<BusId> { new(BusKind.HostMic), new(BusKind.AiVoice) };
        for (var slot = 0; slot < Math.Clamp(table.PhoneSlots, 0, 64); slot++)
        {
            buses.Add(new BusId(BusKind.Phone, slot));
        }

        buses.AddRange([new(BusKind.Music), new(BusKind.Effects), new(BusKind.Ads), new(BusKind.Program)]);

        var device = deviceChannels is > 0 ? deviceChannels.Value : (int?)null;
        var rows = buses.Select(bus =>
        {
            var requested = table.ChannelsOf(bus);
            if (device is not { } d)
            {
                return new RoutingPreviewRow(bus, requested, requested, false);
            }

            var landed = requested.Select(c => RoutingTable.Fold(Math.Max(c, 1), d) + 1).ToImmutableArray();
            return new RoutingPreviewRow(bus, requested, landed, requested.Any(c => c > d));
        }).ToImmutableArray();

        var folded = rows.Where(r => r.Folded).Select(r => r.Bus.Name).ToImmutableArray();
        string? warning = null;
        if (device is { } channels && folded.Length > 0)
        {
            rows = [.. rows.Select(r => r with { SummedWithFolded = !r.Folded && r.Landed.Contains(channels) })];
            var alreadyThere = rows.Where(r => r.SummedWithFolded).Select(r => r.Bus.Name).ToList();
            var verb = folded.Length == 1 ? "folds" : "fold";
            warning = $"The device has {channels} outputs; this map needs {table.ChannelsNeeded}: "
                + $"{string.Join(", ", folded)} {verb} onto channel {channels}"
                + (alreadyThere.Count > 0 ? $", summed with {string.Join(", ", alreadyThere)}" : "")
                + $". Choose a device with {table.ChannelsNeeded}+ outputs or move them to channels 1–{channels}.";
        }

        var sources = Sources(table, rows);
        var sharedChannels = sources.GroupBy(s => s.Channel).Where(g => g.Count() > 1).OrderBy(g => g.Key).ToList();
        var sharedSet = sharedChannels.Select(g => g.Key).ToHashSet();
        rows = [.. rows.Select(r => r with { Shared = r.Requested.Any(sharedSet.Contains) })];
        var shared = sharedChannels.Select(g => $"Channel {g.Key} carries {Join(g.Select(s => s.Source).ToList())}.").ToImmutableArray();
        return new RoutingPreview(rows, folded, warning, shared);
    }

    private static List<(int Channel, string Source)> Sources(RoutingTable table, ImmutableArray<RoutingPreviewRow> rows)
    {
        var sources = new List<(int Channel, string Source)>();
        foreach (var row in rows)
        {
            if (row.Bus.Kind == BusKind.Program)
            {
                sources.Add((table.ProgramLeft, "program L"));
                sources.Add((table.ProgramRight, "program R"));
            }
            else
            {
                sources.AddRange(row.Requested.Select(c => (c, row.Bus.Name)));
            }
        }

        return sources;
    }

    private static string Join(List<string> names) =>
        names.Count <= 2 ? string.Join(" and ", names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
