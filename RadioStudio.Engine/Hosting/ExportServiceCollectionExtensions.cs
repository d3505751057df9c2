using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Export;

namespace RadioStudio.Engine.Hosting;

/// <summary>Show export: the timeline reader, the file writers and the export when a show ends.</summary>
public static class ExportServiceCollectionExtensions
{
    /// <summary>Registers the exporter (needs <see cref="ShowMemoryServiceCollectionExtensions.AddShowMemory"/>).</summary>
    public static IServiceCollection AddShowExport(this IServiceCollection services)
    {
        services.AddStudioOptions<ExportOptions>(ExportOptions.SectionName);
        services.AddSingleton<ExportProgressBoard>();
        services.AddSingleton<ShowTimelineReader>();
        services.AddSingleton<MasterRenderer>();
        services.AddSingleton<StemCompressor>();
        services.AddSingleton<ShowExporter>();
        services.AddSingleton<ShowArchive>();
        services.AddSingleton<ExportOnShowEnd>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportOnShowEnd>());
        return services;
    }
}
