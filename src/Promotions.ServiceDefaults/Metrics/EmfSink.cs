namespace Promotions.ServiceDefaults.Metrics;

/// <summary>Where EMF lines go: standard output unless a test gives its own writer. Each line is written whole.</summary>
internal sealed class EmfSink(TextWriter output)
{
    public EmfSink()
        : this(Console.Out)
    {
    }

    public void WriteLine(string line) => output.Write(line + "\n");
}
