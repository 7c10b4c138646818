namespace Promotions.Api.Tests.Host;

/// <summary>The repository's root folder (the one holding Promotions.sln), found from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Promotions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Promotions.sln was not found above " + AppContext.BaseDirectory);
    }
}
