using RadioStudio.Engine.Screening;

namespace RadioStudio.Web.Screening;

/// <summary>
/// <c>/screening/clips/{lineId}/{n}.wav</c>: a caller's answer to the AI screener, played on the card. Open to the
/// host and the screener (the access table); ids are checked before they touch the disk.
/// </summary>
public static class ScreeningClipEndpoints
{
    /// <summary>Maps GET /screening/clips/{lineId}/{answer}.wav.</summary>
    public static IEndpointRouteBuilder MapScreeningClips(this IEndpointRouteBuilder app)
    {
        app.MapGet("/screening/clips/{lineId}/{answer}.wav", (string lineId, string answer, ScreeningService screening) =>
            screening.Clips.Find(lineId, answer) is { } path
                ? Results.File(path, "audio/wav", enableRangeProcessing: true)
                : Results.NotFound());
        return app;
    }
}
