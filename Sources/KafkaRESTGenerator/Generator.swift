import Foundation

/// The whole pipeline: load → normalise → intermediate model → render → write.
package struct Generator {
    /// Where to read and write.
    package struct Options: Sendable {
        /// The OpenAPI file.
        package var specPath: String
        /// The folder of `*.mustache` templates; nil for the default ones compiled into the generator.
        package var templatesFolder: String?
        /// The folder of the generated module's sources.
        package var outputFolder: String
        /// The generated module's name (used for `--package-dir`).
        package var moduleName: String
        /// Write nothing; report what would change.
        package var check: Bool
        /// When set, write a complete SwiftPM package here instead of `outputFolder`.
        package var packageDirectory: String?
        /// The package providing `KafkaRESTSupport`, for `--package-dir`: a folder, or a Git URL
        /// and the version to depend on (`https://github.com/OWNER/NAME@1.2.0`).
        package var supportPackage: String
        /// The operations to generate.
        package var selection: OperationSelection
        /// The access modifier of the generated declarations.
        package var access: AccessLevel

        /// Creates options.
        package init(
            specPath: String,
            templatesFolder: String?,
            outputFolder: String,
            moduleName: String,
            check: Bool,
            packageDirectory: String?,
            supportPackage: String,
            selection: OperationSelection = .all,
            access: AccessLevel = .public
        ) {
            self.specPath = specPath
            self.templatesFolder = templatesFolder
            self.outputFolder = outputFolder
            self.moduleName = moduleName
            self.check = check
            self.packageDirectory = packageDirectory
            self.supportPackage = supportPackage
            self.selection = selection
            self.access = access
        }
    }

    /// What a run did.
    package struct Summary: Sendable {
        /// Operations generated.
        package var operations: Int
        /// Types generated.
        package var types: Int
        /// Files written (or, with `check`, that would be).
        package var written: [String]
        /// Files already up to date.
        package var unchanged: [String]
        /// Stale files removed (or, with `check`, that would be).
        package var removed: [String]
        /// Warnings about the spec.
        package var warnings: [Diagnostic]
        /// Wall-clock seconds.
        package var seconds: Double
    }

    /// Generates Swift sources from spec text in memory: the path of each file
    /// relative to the module folder, counts, and the diagnostics. Throws
    /// ``GenerationFailed`` when the spec has errors. A nil `templatesFolder` renders with the
    /// default templates compiled into the generator.
    /// `selection` picks the operations to generate (and so the types); `access` is the access
    /// modifier of every generated declaration.
    package static func render(
        specText: String,
        specFile: String,
        templatesFolder: String?,
        selection: OperationSelection = .all,
        access: AccessLevel = .public
    ) throws -> Rendered {
        var diagnostics = Diagnostics()
        let document = try DocumentLoader().load(text: specText, file: specFile, diagnostics: &diagnostics)
        let module = ModuleBuilder.build(document, selection: selection, diagnostics: &diagnostics)
        if !diagnostics.errors.isEmpty { throw GenerationFailed(diagnostics.all) }
        let renderer = try TemplateRenderer(folder: templatesFolder, access: access)
        return Rendered(
            files: try renderer.files(for: module),
            operations: module.operations.count,
            types: module.types.count,
            diagnostics: diagnostics
        )
    }

    /// Generated sources in memory.
    package struct Rendered: Sendable {
        /// File contents by path relative to the module folder.
        package var files: [String: String]
        /// Operations generated.
        package var operations: Int
        /// Types generated.
        package var types: Int
        /// What the spec's reading reported.
        package var diagnostics: Diagnostics
    }

    /// Runs the pipeline with `options`.
    package static func run(_ options: Options) throws -> Summary {
        let start = Date()
        let text: String
        do {
            text = try String(contentsOfFile: options.specPath, encoding: .utf8)
        } catch {
            throw GenerationFailed([Diagnostic(.error, "cannot read the spec", at: SourceLocation(file: options.specPath, line: 0, column: 0, pointer: ""))])
        }
        let rendered = try render(
            specText: text,
            specFile: options.specPath,
            templatesFolder: options.templatesFolder,
            selection: options.selection,
            access: options.access
        )
        var report = OutputWriter.Report()
        var outputFolder = options.outputFolder
        if let packageDirectory = options.packageDirectory {
            outputFolder = (packageDirectory as NSString).appendingPathComponent("Sources/\(options.moduleName)")
            let manifest = ["Package.swift": try packageManifest(options)]
            report = try OutputWriter(folder: packageDirectory).write(manifest, dryRun: options.check, removeStale: false)
        }
        let moduleReport = try OutputWriter(folder: outputFolder).write(rendered.files, dryRun: options.check, removeStale: true)
        return Summary(
            operations: rendered.operations,
            types: rendered.types,
            written: report.written + moduleReport.written,
            unchanged: report.unchanged + moduleReport.unchanged,
            removed: moduleReport.removed,
            warnings: rendered.diagnostics.warnings,
            seconds: Date().timeIntervalSince(start)
        )
    }

    private static func packageManifest(_ options: Options) throws -> String {
        let renderer = try TemplateRenderer(folder: options.templatesFolder)
        var context: [String: String] = [
            "specFileName": DocumentationText.inline((options.specPath as NSString).lastPathComponent),
            "moduleLiteral": SwiftLiteral.string(options.moduleName),
        ]
        switch try SupportPackage(options.supportPackage) {
        case let .folder(path):
            let support = URL(fileURLWithPath: path).standardizedFileURL
            context["supportPackageLiteral"] = SwiftLiteral.string(support.path)
            context["supportPackageNameLiteral"] = SwiftLiteral.string(support.lastPathComponent)
        case let .git(url, version, name):
            context["supportURLLiteral"] = SwiftLiteral.string(url)
            context["supportVersionLiteral"] = SwiftLiteral.string(version)
            context["supportPackageNameLiteral"] = SwiftLiteral.string(name)
        }
        return TemplateRenderer.tidy(try renderer.render("Package", context))
    }
}
