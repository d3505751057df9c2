using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Persistence;

/// <summary>The <c>Storage</c> section: where the database, stems and exports live.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>Data folder; relative paths are taken from <see cref="Root"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "./data";

    /// <summary>Folder relative paths start from: the folder of appsettings.json, else the working directory.</summary>
    public string? Root { get; set; }

    /// <summary>The data folder as an absolute path.</summary>
    public string FullPath => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root ?? Environment.CurrentDirectory, Path));

    /// <summary>The SQLite database file.</summary>
    public string DatabaseFile => System.IO.Path.Combine(FullPath, "studio.db");
}
