/// @file main.cpp
/// @brief newsdex-serve: the search API over HTTP, from a long-running process.
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

#include "common/error.hpp"
#include "common/program.hpp"
#include "searcher/server/http_server.hpp"
#include "searcher/server/search_service.hpp"
#include "searcher/server/serve_command_line.hpp"

using namespace newsdex;

namespace {

/// SIGINT and SIGTERM, blocked in every thread and taken by one that waits for them: a
/// signal handler may not stop the server (cpp-httplib's stop() is not async-signal-safe).
sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
}

int run(int argc, char* argv[]) {
    const auto args = server::parse_serve_command_line(argc, argv);
    if (!args) return exit_code::ok;
    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts
    server::SearchService service(args->index_dir, args->threads);
    server::HttpServer http(service, {args->connections});
    const int port = http.bind(args->host, args->port);
    const bool ipv6 = args->host.find(':') != std::string::npos;
    std::cout << "newsdex-serve: listening on http://" << (ipv6 ? "[" : "") << args->host
              << (ipv6 ? "]" : "") << ":" << port << "/ (index " << args->index_dir << ")"
              << std::endl;
    std::atomic<bool> ran_out{false};
    std::thread waiter([&] {
        int signal = 0;
        sigwait(&signals, &signal);
        // stop() does nothing until run() has started listening: a signal that came sooner
        // (while the index opened) asks again until run() has returned.
        while (!ran_out) {
            http.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });
    const bool ran = http.run();
    ran_out = true;
    pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if run() ended alone
    waiter.join();
    if (!ran) throw Error("the HTTP server stopped on an error");
    return exit_code::ok;
}

}  // namespace

int main(int argc, char* argv[]) {
    return run_program("serve", [&] { return run(argc, argv); });
}
