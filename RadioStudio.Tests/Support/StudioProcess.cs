using System.Diagnostics;

namespace RadioStudio.Tests.Support;

/// <summary>Runs the built studio (RadioStudio.Web.dll, copied next to the tests) as its own process.</summary>
public static class StudioProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Starts the studio with extra environment variables and waits for it to exit by itself.</summary>
    public static async Task<Result> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RadioStudio.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["RADIOSTUDIO_CONFIG"] = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The studio did not exit; it should have refused to start.");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
