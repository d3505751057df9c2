using System.Text.Json;

namespace RadioStudio.Engine.Audio.Routing;

/// <summary>The routing table as saved in the settings table (JSON), read back leniently.</summary>
public static class RoutingJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Serializes <paramref name="routing"/>.</summary>
    public static string Write(RoutingTable routing) => JsonSerializer.Serialize(routing, Options);

    /// <summary>Reads a saved table; null when the text is not a valid table (the configured default applies then).</summary>
    public static RoutingTable? TryParse(string json)
    {
        try
        {
            var table = JsonSerializer.Deserialize<RoutingTable>(json, Options);
            return table is not null && table.Validate().Count == 0 ? table : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
