//! The README's examples cannot rot: every ```console block is run, top to
//! bottom, in one directory holding a copy of seed/, and each command's output
//! (stdout, then stderr) must be exactly what the README shows under it.

use crate::workdir::{Run, Workdir, repo};

/// The commands of the README's console blocks, each with the output shown for it.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut examples: Vec<(String, String)> = Vec::new();
    let mut in_console = false;
    for line in readme.lines() {
        if !in_console {
            in_console = line.trim_end() == "```console";
            continue;
        }
        if line.starts_with("```") {
            in_console = false;
        } else if let Some(command) = line.strip_prefix("$ ") {
            examples.push((command.to_owned(), String::new()));
        } else if let Some((_, output)) = examples.last_mut() {
            output.push_str(line);
            output.push('\n');
        }
    }
    // A blank line separates one example from the next in a block.
    for (_, output) in &mut examples {
        while output.ends_with("\n\n") {
            output.pop();
        }
    }
    examples
}

#[test]
fn every_console_example_in_the_readme_runs_as_shown() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(examples.len() >= 8, "the README shows its commands in ```console blocks");
    let wd = Workdir::with_seed();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_chancery")).parent().unwrap();
    for (command, shown) in examples {
        assert!(command.starts_with("chancery "), "{command}");
        let run: Run = std::process::Command::new("sh")
            .args(["-c", &command])
            .current_dir(wd.path("."))
            .env_clear()
            .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
            .output()
            .unwrap()
            .into();
        assert_eq!(format!("{}{}", run.stdout, run.stderr), shown, "README: $ {command}");
    }
}
