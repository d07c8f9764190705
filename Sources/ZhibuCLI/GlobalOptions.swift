import ArgumentParser

/// Options every command takes: where the site is.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The site directory, holding Content/ (default: current directory).")
    var site: String = "."
}
